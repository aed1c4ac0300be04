"""Built-in generic foods shipped with WinStreak (CSV files under ``data/``) and their loader."""

from storage.builtin_foods.loader import BuiltinFood, BuiltinFoodError, load_builtin_foods, load_builtin_rows

__all__ = ["BuiltinFood", "BuiltinFoodError", "load_builtin_foods", "load_builtin_rows"]
