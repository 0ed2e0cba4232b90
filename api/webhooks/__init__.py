"""Webhooks: every content change is POSTed, signed, to the configured URLs."""
