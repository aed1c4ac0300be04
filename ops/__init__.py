"""Operations: the metrics every process records, structured logging, and the health/metrics HTTP server.

Adapters may import :mod:`ops.metrics` to count what they do; the core never imports anything here.
"""
