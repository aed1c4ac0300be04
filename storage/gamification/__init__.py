"""Gamification storage: day results, stats, ranks, trophies, groups and leagues, and the set-based close-out."""
