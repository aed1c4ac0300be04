"""SQL implementations of the core repository ports; rows become core dataclasses here."""
