"""Food logic that needs no I/O: text parsing, name normalisation, the in-process search index."""
