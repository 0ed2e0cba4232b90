"""The database schema and its revisions, managed by the Alembic migrations in
`store/migrations/`.

Every command that opens the database checks the revision first (`check_schema`): a brand-new
database is created at the current revision, one at the current revision is used as it is,
and any other is refused with a sentence naming `homepage db upgrade`, so that nothing is half
written. `upgrade` brings any database made since the first release to the current revision,
and recognises one made before migrations existed by its tables and columns.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from store.changes import ensure_version_row
from store.errors import SchemaOutOfDate

MIGRATIONS = Path(__file__).parent / "migrations"
UPGRADE_HINT = "run `homepage db upgrade` first (back it up with `homepage db backup PATH`)"

# The tables and columns of the release before migrations existed, and the revision that
# stands for it: such a database is stamped there, then upgraded like any other.
PRE_MIGRATION_RELEASES: dict[str, dict[str, frozenset[str]]] = {
    "0001": {
        "publication": frozenset({"id", "slug", "title", "featured", "author_names", "group"}),
        "project": frozenset({"id", "slug", "title", "featured", "author_names", "group"}),
        "news": frozenset({"id", "slug", "text", "created_by", "updated_by"}),
        "api_token": frozenset({"id", "name", "token_hash", "scopes", "last_used_at"}),
        "audit_entry": frozenset({"id", "token_name", "action", "resource", "slug"}),
        "content_version": frozenset({"id", "version", "changed_at"}),
        "webhook_outbox": frozenset({"id", "version", "created_at", "next_attempt_at"}),
        "profile": frozenset({"id", "name"}),
        "interest": frozenset({"id", "area", "topics"}),
        "section": frozenset({"id", "slug", "title"}),
    }
}
_SEARCH_TABLES = ("_fts", "_fts_config", "_fts_data", "_fts_docsize", "_fts_idx")


def include_object(
    _object: Any, name: str | None, kind: str, _reflected: bool, _other: Any
) -> bool:
    """What migrations compare: the models' tables, not the search index's own (FTS5 tables on
    SQLite, the `*_search_*` expression indexes on PostgreSQL)."""
    if name is None:
        return True
    if kind == "table":
        return not name.endswith(_SEARCH_TABLES) and name != "alembic_version"
    if kind == "column":
        return not name.startswith("search_")
    if kind == "index":
        return "_search_" not in name
    return True


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    revision = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert revision is not None
    return revision


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class Revision:
    revision: str
    down_revision: str | None
    message: str
    is_current: bool


def history(engine: Engine) -> list[Revision]:
    """Every revision, oldest first, and which one the database is at."""
    with engine.connect() as connection:
        at = current(connection)
    scripts = ScriptDirectory(str(MIGRATIONS))
    return [
        Revision(
            script.revision,
            script.down_revision if isinstance(script.down_revision, str) else None,
            script.doc,
            script.revision == at,
        )
        for script in reversed(list(scripts.walk_revisions()))
    ]


def _tables(connection: Connection) -> dict[str, set[str]]:
    inspector = inspect(connection)
    return {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
    }


def _pre_migration_revision(tables: dict[str, set[str]]) -> str | None:
    """The revision a database made before migrations existed stands at, from its columns."""
    for revision, expected in PRE_MIGRATION_RELEASES.items():
        if all(table in tables and columns <= tables[table] for table, columns in expected.items()):
            return revision
    return None


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the database to `revision` in place; returns the revisions before and after."""
    with engine.begin() as connection:
        before = current(connection)
        if before is None:
            tables = _tables(connection)
            if tables.keys() - {"alembic_version"}:
                stamp = _pre_migration_revision(tables)
                if stamp is None:
                    raise SchemaOutOfDate(
                        f"{_where(engine)} holds tables no release of homepage-api this one can "
                        "upgrade has made; export it with the release that made it "
                        "(`homepage export markdown`) and seed a new database."
                    )
                command.stamp(_config(connection), stamp)
                before = None
        command.upgrade(_config(connection), revision)
        if revision == "head":
            ensure_version_row(connection)
        return before, current(connection) or "base"


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(_config(connection), revision)


def check_schema(engine: Engine) -> None:
    """Create a brand-new database at the current revision; refuse any other that is not at
    it, before anything is read or written."""
    with engine.connect() as connection:
        at = current(connection)
        empty = at is None and not (_tables(connection).keys() - {"alembic_version"})
    if empty:
        upgrade(engine)
        return
    problem = current_problem(engine)
    if problem is not None:
        raise SchemaOutOfDate(problem)


def current_problem(engine: Engine) -> str | None:
    """Why this database cannot be used by this release, as one sentence, or None."""
    with engine.connect() as connection:
        problem = schema_problem(current(connection))
    return None if problem is None else f"{_where(engine)} {problem}"


def schema_problem(at: str | None) -> str | None:
    """Why a database at revision `at` cannot be used by this release, or None."""
    latest = head()
    if at == latest:
        return None
    if at is None:
        return f"was made before schema migrations existed: {UPGRADE_HINT}."
    if at not in known_revisions():
        return f"is at revision {at}, made by a newer release than this one ({latest})."
    return f"is at revision {at}, older than this release's {latest}: {UPGRADE_HINT}."


def _where(engine: Engine) -> str:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"The database {url.database}"
    return f"The database {url.render_as_string(hide_password=True)}"
