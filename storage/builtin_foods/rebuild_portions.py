"""``python -m storage.builtin_foods.rebuild_portions SR28_DIR``: rebuild the shipped SR28 portion table.

Apart from :mod:`storage.builtin_foods.usda_portions` (which the loader imports to read the table), so the two
do not import each other: building the table needs the loader's foods, reading it does not.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from storage.builtin_foods.loader import load_builtin_rows
from storage.builtin_foods.usda_portions import TABLE, build_rows, write_table


def portion_inputs() -> list[tuple[str, str, str | None, set[str]]]:
    """Each built-in food's slug, category, USDA number and own portion names (the shipped extras left out)."""
    return [
        (r.food.id.removeprefix("builtin:"), r.category, r.usda_ndb, {p.name.lower() for p in r.food.portions})
        for r in load_builtin_rows(with_extra=False)
    ]


def main(argv: list[str]) -> int:
    """Rebuild ``portions/usda_sr28.csv`` from SR28's ``sr28_portions.csv`` in the given folder."""
    if len(argv) != 1 or not (Path(argv[0]) / "sr28_portions.csv").is_file():
        print(
            "usage: python -m storage.builtin_foods.rebuild_portions SR28_DIR (with sr28_portions.csv)", file=sys.stderr
        )
        return 2
    target = Path(str(resources.files("storage.builtin_foods").joinpath("portions", TABLE)))
    target.parent.mkdir(exist_ok=True)
    rows = build_rows(Path(argv[0]), portion_inputs())
    write_table(rows, target)
    print(f"{len(rows)} portions for {len({r[0] for r in rows})} foods -> {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
