"""Use cases, one a module: each takes its input and its ports as parameters."""
