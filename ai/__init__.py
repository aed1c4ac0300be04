"""Driven AI adapters: offline estimators, speech to text, barcode and label reading, OpenAI-compatible."""
