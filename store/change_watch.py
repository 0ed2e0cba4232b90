"""Tell cheaply, on every request, whether any process has changed the content.

SQLite: `PRAGMA data_version` on a connection kept only for this changes whenever another
connection (in this process or any other) commits, and costs microseconds. Other databases:
the `content_version` row, which every content write bumps in its own transaction.
"""

import sqlite3
from datetime import datetime
from typing import Protocol

from sqlalchemy import ScalarSelect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPICursor
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from schemas.common import as_utc, utc_now
from schemas.content_version import ContentVersion

_VERSION_SQL = "SELECT version FROM content_version"


def read_version() -> ScalarSelect[int]:
    """The content's version as a column of a statement that reads content: evaluated in the
    statement's own snapshot, so it is the version the statement's rows were read at (NULL
    on a database created before the row existed)."""
    return select(ContentVersion.__table__.c.version).scalar_subquery()  # type: ignore[attr-defined]


# What `VersionWatcher.token` raises when the database does not answer.
WATCH_ERRORS: tuple[type[Exception], ...] = (SQLAlchemyError, sqlite3.Error)


class VersionWatcher(Protocol):
    reads_version_row: bool
    """Whether its tokens are the `content_version` row's version, so that a version read
    with some content (`read_version`) says, without another query, which token that
    content is current at."""

    def token(self) -> object:
        """A value that changes whenever committed content may have changed, and never
        comes back to an earlier one."""
        ...

    def close(self) -> None: ...


class SqliteDataVersion:
    reads_version_row = False

    def __init__(self, database: str) -> None:
        self.database = database
        self._connection: sqlite3.Connection | None = None
        self._cursor: sqlite3.Cursor | None = None

    def token(self) -> object:
        if self._cursor is None:
            self._connection = sqlite3.connect(
                self.database, check_same_thread=False, isolation_level=None
            )
            self._cursor = self._connection.cursor()
        row = self._cursor.execute("PRAGMA data_version").fetchone()
        return row[0]

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
            self._cursor = None


class ContentVersionRow:
    """Reads the version row on a connection kept for this alone, in autocommit mode, so
    each check is one small query with no pool checkout, asked on the driver's own cursor
    (SQLAlchemy's statement machinery would triple its cost). When that fails the server or
    the connection went away, and with it every pooled connection: the pool is replaced
    (`Engine.dispose`) before the request's own queries use it, and the check asked again,
    once, on a new connection, raising SQLAlchemy's error if that fails too."""

    reads_version_row = True

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None
        self._cursor: DBAPICursor | None = None
        self._driver_error: type[Exception] = engine.dialect.loaded_dbapi.Error

    def token(self) -> object:
        if self._cursor is not None:
            try:
                self._cursor.execute(_VERSION_SQL)
                row = self._cursor.fetchone()
                return row[0] if row is not None else None
            except self._driver_error:
                if self._connection is not None:
                    self._connection.invalidate()
                self.close()
                self.engine.dispose()
        connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            value = connection.execute(text(_VERSION_SQL)).scalar()
        except DBAPIError:
            connection.close()
            raise
        self._connection = connection
        self._cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        return value

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
            self._cursor = None


def watcher_for(engine: Engine) -> VersionWatcher | None:
    """The cheapest watcher for this database; None where none can see every write."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return None
        return SqliteDataVersion(url.database)
    return ContentVersionRow(engine)


def last_changed(engine: Engine) -> datetime:
    """When the content last changed, as every worker sees it (for `Last-Modified`)."""
    with engine.connect() as connection:
        value = connection.execute(text("SELECT changed_at FROM content_version")).scalar()
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return utc_now()
    return as_utc(value)
