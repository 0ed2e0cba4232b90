"""What the store refuses, as domain errors whose message is a sentence for the user.

The store knows nothing of HTTP: `api.errors` is the one place these become answers, and the
command line prints them as they are.
"""


class StoreError(Exception):
    """A read or write the store cannot carry out; the message says why."""


class NotFound(StoreError):
    """Nothing has this slug or name."""


class AlreadyExists(StoreError):
    """The name is taken."""


class OwnedByPage(StoreError):
    """The item comes from the Markdown page, so only the page may change it."""


class StorageFull(StoreError):
    """The disk is full: the write was not saved."""

    def __init__(
        self, message: str = "The server's storage is full; the write was not saved."
    ) -> None:
        super().__init__(message)


class SchemaOutOfDate(StoreError):
    """The database's schema is not this release's: `homepage db upgrade` first."""


class BackupRefused(StoreError):
    """The backup or restore cannot be done as asked."""
