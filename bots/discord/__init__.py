"""Discord adapter (discord.py 2)."""
