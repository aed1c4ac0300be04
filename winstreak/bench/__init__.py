"""Benchmarks behind ``winstreak bench …``: they print measured figures and are imported only by that command."""
