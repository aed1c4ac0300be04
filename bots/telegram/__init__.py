"""Telegram adapter (aiogram 3)."""
