"""Recents and favourites in SQL: the favourites table and the stores that read past meals and favourites."""
