"""What every platform shares: the conversation, its state, and the pure reply builders."""
