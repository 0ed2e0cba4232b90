"""The engine: SQLite tuned for a small always-on server, or any SQLAlchemy URL (PostgreSQL)."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic_core import from_json
from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

import schemas.audit
import schemas.content_version
import schemas.interest
import schemas.news
import schemas.profile
import schemas.project
import schemas.publication
import schemas.section
import schemas.talk
import schemas.teaching
import schemas.token
import schemas.webhook  # noqa: F401  (registers every table on SQLModel.metadata)
from store.errors import StorageFull

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=10000",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy issue BEGIN itself, so write transactions can be BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get("write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """JSON columns (authors, links) are parsed by pydantic's Rust parser, about three times
    as fast as the standard library's on a work's authors, which a page of 20 reads 40 of:
    their text is always this program's own, valid JSON with no lone surrogates (refused as
    input, and UTF-8 holds none), where the two parsers agree."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # No ping on each checkout, which would cost every read a round trip: the change
        # check that opens every request (store.change_watch.ContentVersionRow) runs on a
        # connection of this pool, so it is what finds a server gone, and SQLAlchemy then
        # replaces every older pooled connection (tests/api/test_lost_connections.py).
        # Last in, first out: with few requests at once the same connections serve them all,
        # with their statements prepared (psycopg prepares one on a connection at its fifth
        # run, and PostgreSQL then plans it once) and the server's caches for them warm.
        return create_engine(url, pool_use_lifo=True, json_deserializer=from_json)
    if parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # API news and token hashes: readable by the owner only
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 10},
        json_deserializer=from_json,
    )
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def for_reads(engine: Engine) -> Engine:
    """The engine read sessions use. On PostgreSQL it runs in autocommit: under the default
    READ COMMITTED every statement sees its own snapshot, in a transaction or not, so a read
    sees the same rows without the BEGIN and ROLLBACK round trips around its query. SQLite
    keeps its transaction, which costs nothing there and gives a read one snapshot."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    return engine


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session whose transaction takes the write lock at once (BEGIN IMMEDIATE on SQLite),
    so concurrent writers queue on busy_timeout instead of failing; commits on success.
    A full disk is `StorageFull`, whichever statement found it."""
    try:
        with Session(engine.execution_options(write=True)) as session:
            yield session
            session.commit()
    except (DBAPIError, sqlite3.Error) as error:
        if is_storage_full(error):
            raise StorageFull from error
        raise


_SQLSTATE_DISK_FULL = "53100"


def is_storage_full(error: BaseException) -> bool:
    """SQLite's SQLITE_FULL, or PostgreSQL's disk_full, under SQLAlchemy's wrapper or bare, or
    behind the error of a statement that followed it (SQLite ends the transaction on a full
    disk, so rolling back to a savepoint then fails too)."""
    seen: BaseException | None = error
    while seen is not None:
        cause = seen.orig if isinstance(seen, DBAPIError) else seen
        if isinstance(cause, sqlite3.Error) and cause.sqlite_errorcode == sqlite3.SQLITE_FULL:
            return True
        if getattr(cause, "sqlstate", None) == _SQLSTATE_DISK_FULL:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


_LOADED_TABLES = ("publication", "project", "news", "talk", "teaching")


def refresh_statistics(engine: Engine) -> None:
    """After a large load, let the query planner see the new data at once, so searches use
    their indexes (PostgreSQL's autovacuum would get there, but only later). On PostgreSQL a
    VACUUM too: it moves the rows just added to the GIN search indexes out of their pending
    lists, which every search would otherwise read through, and marks the pages all-visible."""
    if engine.dialect.name == "postgresql":
        # VACUUM cannot run inside a transaction block.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text(f"VACUUM (ANALYZE) {', '.join(_LOADED_TABLES)}"))
    elif engine.dialect.name == "sqlite":
        # With the write lock from the start (BEGIN IMMEDIATE): `optimize` may write its
        # statistics, and a transaction that began reading cannot wait to write while another
        # process (a server's webhook dispatcher, an API post) writes; it fails at once.
        with engine.execution_options(write=True).begin() as connection:
            connection.execute(text("PRAGMA optimize"))
