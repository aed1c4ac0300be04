from __future__ import annotations

from core.model import ItemSource
from core.services.estimate_meal import CatalogMealEstimator
from storage.engine import make_engine
from storage.food.catalog import build_catalog


async def test_estimator_on_the_sql_catalogue_with_seeded_builtin_foods(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    catalog = await build_catalog(engine)
    try:
        est = await CatalogMealEstimator(catalog).from_text("2 boiled eggs, a banana and a can of cola", "en")
        assert len(est.items) == 3 and est.unparsed == ()
        assert all(i.source is ItemSource.DATABASE and (i.food_id or "").startswith("builtin:") for i in est.items)
        assert 300 <= est.total_kcal <= 500
        assert est.low_kcal < est.total_kcal < est.high_kcal
        french = await CatalogMealEstimator(catalog).from_text("une banane et un café au lait", "fr")
        assert len(french.items) == 2 and french.unparsed == ()
    finally:
        catalog.close()
        await engine.dispose()
