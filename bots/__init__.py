"""Driving adapters: chat platforms (Telegram, Discord, terminal) sharing one conversation."""
