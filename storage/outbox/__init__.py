"""The outbox: messages written in the same transaction as their cause, drained by senders exactly once."""
