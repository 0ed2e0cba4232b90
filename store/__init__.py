"""Reads and writes against the database, shared by the routes and the importer."""
