"""Pure ASGI layers, listed once, outermost first, in `api.main.create_app`."""
