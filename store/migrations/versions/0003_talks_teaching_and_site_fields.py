"""Talks and teaching, and what a site's collection files and `_config.yml` say

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-15 10:00:00.000000

The profile gains the site's sidebar fields (avatar, one-line bio, location, employer, email,
site URL, profile links); publications and projects gain a full date, an abstract, the file
they come from and whether the about page lists them (existing rows: listed). Two new tables,
`talk` and `teaching`, are searched by words like the works: FTS5 tables kept in step by
triggers on SQLite, a generated `tsvector` column with a GIN index on PostgreSQL.

Columns are added with plain `ALTER TABLE`, never by rebuilding a table, so the works' search
triggers and every row (API news, tokens, audit) stay as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PROFILE_COLUMNS = (
    ("avatar_url", 2000),
    ("bio", 1000),
    ("location", 300),
    ("employer", 300),
    ("email", 320),
    ("site_url", 2000),
)
WORKS = ("publication", "project")
EVENTS = ("talk", "teaching")
_SEARCHED = ("title", "type", "venue", "location")
_profile = sa.table("profile", sa.column("social", sa.JSON()))


def _work_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("abstract", AutoString(length=20000), nullable=True),
        sa.Column("file", AutoString(length=500), nullable=True),
        # A string default, so SQLite adds the column in place rather than rebuilding the table.
        sa.Column("on_page", sa.Boolean(), nullable=False, server_default="1"),
    ]


def _create_event_table(name: str) -> None:
    op.create_table(
        name,
        sa.Column("slug", AutoString(length=120), nullable=False),
        sa.Column("title", AutoString(length=1000), nullable=False),
        sa.Column("type", AutoString(length=200), nullable=True),
        sa.Column("venue", AutoString(length=500), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column(
            "date_precision",
            sa.Enum("day", "month", "year", name="dateprecision", create_type=False),
            nullable=True,
        ),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("location", AutoString(length=300), nullable=True),
        sa.Column("body", AutoString(), nullable=False),
        sa.Column("body_html", AutoString(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "source",
            sa.Enum("seed", "api", "bibtex", name="source", create_type=False),
            nullable=False,
        ),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("file", AutoString(length=500), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f(f"ix_{name}_date"), name, ["date"], unique=False)
    op.create_index(op.f(f"ix_{name}_position"), name, ["position"], unique=False)
    op.create_index(op.f(f"ix_{name}_slug"), name, ["slug"], unique=True)
    op.create_index(op.f(f"ix_{name}_year"), name, ["year"], unique=False)


def upgrade() -> None:
    for name, length in _PROFILE_COLUMNS:
        op.add_column("profile", sa.Column(name, AutoString(length=length), nullable=True))
    op.add_column("profile", sa.Column("social", sa.JSON(), nullable=True))
    # The model reads a list: an existing profile has no profile links yet.
    op.execute(sa.update(_profile).values(social=[]))
    for table in WORKS:
        for column in _work_columns():
            op.add_column(table, column)
    dialect = op.get_bind().dialect.name
    for table in EVENTS:
        _create_event_table(table)
        for statement in _search_ddl(dialect, table):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in EVENTS:
        if dialect == "sqlite":
            for suffix in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
        for column in ("year", "slug", "position", "date"):
            op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        op.drop_table(table)
    # `ALTER TABLE … DROP COLUMN` (SQLite 3.35 and later) keeps the works' search triggers.
    for table in WORKS:
        for added in reversed(_work_columns()):
            op.drop_column(table, added.name)
    op.drop_column("profile", "social")
    for name, _ in reversed(_PROFILE_COLUMNS):
        op.drop_column("profile", name)


def _search_ddl(dialect: str, table: str) -> list[str]:
    """Revision 0001's word-search index, over an event's title, type, venue and location."""
    if dialect == "postgresql":
        joined = " || ' ' || ".join(f"coalesce({field}, '')" for field in _SEARCHED)
        return [
            f"ALTER TABLE {table} ADD COLUMN search_all tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('simple', {joined})) STORED",
            f"CREATE INDEX {table}_search_all ON {table} USING GIN (search_all)",
        ]
    columns = ", ".join(_SEARCHED)
    new = ", ".join(f"new.{c}" for c in ("id", *_SEARCHED))
    old = "'delete', " + ", ".join(f"old.{c}" for c in ("id", *_SEARCHED))
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({columns}, content='{table}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES ({new}); END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ({old}); END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ({old}); "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES ({new}); END",
    ]
