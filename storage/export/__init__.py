"""Reading everything that belongs to one user, for /export."""
