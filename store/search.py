"""Word search over publications and projects, indexed on both databases.

SQLite: an FTS5 table per kind, kept in step with the rows by triggers. PostgreSQL:
generated `tsvector` columns with GIN indexes. Either way a filter matches when every word
of it starts a word of the field (`tian chen` finds "Tianlong Chen"), ignoring case.

Table and column names in the SQL below come from this module's constants; every value a
client sends is a bound parameter, reduced to words first.
"""

import re

from sqlalchemy import ColumnElement, Connection, bindparam, literal_column, text

from schemas.project import Project
from schemas.publication import Publication

Work = type[Publication] | type[Project]
TABLES = ("publication", "project")
FIELDS = {
    "all": ("title", "author_names", "venue"),
    "author": ("author_names",),
    "venue": ("venue",),
}
_WORD = re.compile(r"[^\W_]+")


def words(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:20]


def _sqlite_ddl(table: str) -> list[str]:
    columns = "title, author_names, venue"
    new = "new.id, new.title, new.author_names, new.venue"
    old = "'delete', old.id, old.title, old.author_names, old.venue"
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({columns}, content='{table}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES ({new}); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ({old}); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ({old}); "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES ({new}); END",
    ]


def _postgres_ddl(table: str) -> list[str]:
    statements = []
    for name, fields in FIELDS.items():
        joined = " || ' ' || ".join(f"coalesce({field}, '')" for field in fields)
        statements += [
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_{name} tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple', {joined})) STORED",
            f"CREATE INDEX IF NOT EXISTS {table}_search_{name} "
            f"ON {table} USING GIN (search_{name})",
        ]
    return statements


def create_search_index(connection: Connection) -> None:
    """Create the index beside the tables (idempotent), filling it from existing rows."""
    dialect = connection.dialect.name
    for table in TABLES:
        if dialect == "sqlite":
            existed = connection.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = :name"), {"name": f"{table}_fts"}
            ).first()
            for statement in _sqlite_ddl(table):
                connection.execute(text(statement))
            if existed is None:
                connection.execute(text(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')"))
        elif dialect == "postgresql":
            for statement in _postgres_ddl(table):
                connection.execute(text(statement))


def matches(dialect: str, model: Work, field: str, query: str) -> ColumnElement[bool]:
    """A condition: every word of `query` starts a word of `field` (`all`, `author`, `venue`)."""
    table = model.__tablename__
    terms = words(query)
    if not terms:
        return literal_column("1") == 0
    if dialect == "postgresql":
        expression = " & ".join(f"{term}:*" for term in terms)
        return literal_column(f"{table}.search_{field}").op("@@")(
            text(f"to_tsquery('simple', :tsquery_{field})").bindparams(
                bindparam(f"tsquery_{field}", expression)
            )
        )
    columns = " ".join(FIELDS[field])
    expression = "{" + columns + "} : (" + " AND ".join(f'"{term}"*' for term in terms) + ")"
    subquery = text(
        f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :fts_{field}"
    ).bindparams(bindparam(f"fts_{field}", expression))
    return literal_column(f"{table}.id").in_(subquery)
