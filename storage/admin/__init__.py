"""Bot administration: blocked users, service figures, outbox repair and set-based broadcasts."""
