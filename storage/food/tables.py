"""Tables of the food database: every food (built-in, Open Food Facts, USDA) and small bookkeeping values.

``search_name`` and ``search_brand`` hold the folded words (see ``core.food.normalize.fold``) so the
in-process index is built at start-up without folding a million names again.
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class FoodRow(Base):
    """One food with nutrition per 100 g; ``key`` is the stable id (``off:<barcode>``, ``builtin:<slug>``)."""

    __tablename__ = "foods"
    __table_args__ = (
        CheckConstraint("kcal_100g >= 0 AND kcal_100g <= 900", name="kcal_range"),
        CheckConstraint("protein_100g >= 0 AND carbs_100g >= 0 AND fat_100g >= 0", name="macros_non_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_fr: Mapped[str | None] = mapped_column(String(300))  # built-in foods' French name; None: English only
    brand: Mapped[str | None] = mapped_column(String(200))
    barcode: Mapped[str | None] = mapped_column(String(14), unique=True)
    kcal_100g: Mapped[float] = mapped_column(Float)
    protein_100g: Mapped[float] = mapped_column(Float)
    carbs_100g: Mapped[float] = mapped_column(Float)
    fat_100g: Mapped[float] = mapped_column(Float)
    generic: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16))
    aliases: Mapped[str] = mapped_column(Text, default="[]")
    portions: Mapped[str] = mapped_column(Text, default="[]")
    default_grams: Mapped[float] = mapped_column(Float, default=100.0)
    search_name: Mapped[str] = mapped_column(Text)
    search_brand: Mapped[str] = mapped_column(Text, default="")


class FoodMetaRow(Base):
    """Small named values, e.g. the fingerprint of the built-in foods last seeded."""

    __tablename__ = "food_meta"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
