"""Alembic migrations: every schema this project has had, from the first release on."""
