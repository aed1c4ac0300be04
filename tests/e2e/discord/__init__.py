"""End-to-end tests of the Discord adapter: the real discord.py client against a stand-in gateway and REST API."""
