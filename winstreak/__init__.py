"""WinStreak composition root: settings, bootstrap (the one place adapters are chosen) and the CLI."""
