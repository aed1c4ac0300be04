"""Streaming importers of Open Food Facts exports (TSV, JSONL, parquet) and USDA SR / FoodData Central CSV."""
