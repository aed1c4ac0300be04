"""Alembic migrations: the single owner of the schema on SQLite and PostgreSQL."""
