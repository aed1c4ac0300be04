"""The terminal chat: the embedded default platform, same conversation as Telegram and Discord."""
