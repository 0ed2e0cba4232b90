"""The HTTP API: settings, database, auth, and one router module per resource."""
