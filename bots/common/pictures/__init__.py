"""Pillow pictures for the game: the rank card and the trophy case (PNG bytes, sized for phones)."""
