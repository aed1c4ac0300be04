"""WinStreak core: the pure domain (model, rules, food logic) and its use cases.

Nothing here imports a framework, a database driver or a network library; adapters
reach the core only through the Protocols in :mod:`core.ports`.
"""
