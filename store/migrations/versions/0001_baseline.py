"""The schema of the last release before migrations existed (commit 218bd0a)

Revision ID: 0001
Revises:
Create Date: 2026-12-01 21:39:48.630974

Besides the tables: the word-search index (FTS5 tables kept in step by triggers on SQLite,
generated `tsvector` columns with GIN indexes on PostgreSQL).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", AutoString(length=100), nullable=False),
        sa.Column("token_hash", AutoString(length=64), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_used_at", UTCDateTime(), nullable=True),
        sa.Column("expires_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_token_name"), ["name"], unique=True)
        batch_op.create_index(batch_op.f("ix_api_token_token_hash"), ["token_hash"], unique=True)

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("token_name", AutoString(length=100), nullable=False),
        sa.Column("action", AutoString(length=20), nullable=False),
        sa.Column("resource", AutoString(length=40), nullable=False),
        sa.Column("slug", AutoString(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_token_name"), ["token_name"], unique=False)

    op.create_table(
        "content_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "interest",
        sa.Column("area", AutoString(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interest_position"), ["position"], unique=False)

    op.create_table(
        "news",
        sa.Column("slug", AutoString(length=120), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column(
            "date_precision", sa.Enum("day", "month", "year", name="dateprecision"), nullable=True
        ),
        sa.Column("text", AutoString(), nullable=False),
        sa.Column("text_html", AutoString(), nullable=False),
        sa.Column("source", sa.Enum("seed", "api", "bibtex", name="source"), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", AutoString(length=100), nullable=True),
        sa.Column("updated_by", AutoString(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("news", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_news_slug"), ["slug"], unique=True)

    op.create_table(
        "profile",
        sa.Column("name", AutoString(length=200), nullable=True),
        sa.Column("biography", AutoString(), nullable=False),
        sa.Column("biography_html", AutoString(), nullable=False),
        sa.Column("affiliation", AutoString(length=300), nullable=True),
        sa.Column("affiliation_url", AutoString(length=2000), nullable=True),
        sa.Column("page_title", AutoString(length=300), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "project",
        sa.Column("slug", AutoString(length=120), nullable=False),
        sa.Column("title", AutoString(length=1000), nullable=False),
        sa.Column("venue", AutoString(length=500), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("note", AutoString(length=300), nullable=True),
        sa.Column("group", AutoString(length=200), nullable=True),
        sa.Column("featured", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.Enum("seed", "api", "bibtex", name="source"), nullable=False),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("author_names", AutoString(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_featured"), ["featured"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_position"), ["position"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_slug"), ["slug"], unique=True)
        batch_op.create_index(batch_op.f("ix_project_year"), ["year"], unique=False)

    op.create_table(
        "publication",
        sa.Column("slug", AutoString(length=120), nullable=False),
        sa.Column("title", AutoString(length=1000), nullable=False),
        sa.Column("venue", AutoString(length=500), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("note", AutoString(length=300), nullable=True),
        sa.Column("group", AutoString(length=200), nullable=True),
        sa.Column("featured", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.Enum("seed", "api", "bibtex", name="source"), nullable=False),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("author_names", AutoString(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_publication_featured"), ["featured"], unique=False)
        batch_op.create_index(batch_op.f("ix_publication_position"), ["position"], unique=False)
        batch_op.create_index(batch_op.f("ix_publication_slug"), ["slug"], unique=True)
        batch_op.create_index(batch_op.f("ix_publication_year"), ["year"], unique=False)

    op.create_table(
        "section",
        sa.Column("slug", AutoString(length=120), nullable=False),
        sa.Column("title", AutoString(length=300), nullable=False),
        sa.Column("markdown", AutoString(), nullable=False),
        sa.Column("html", AutoString(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_section_position"), ["position"], unique=False)
        batch_op.create_index(batch_op.f("ix_section_slug"), ["slug"], unique=True)

    op.create_table(
        "webhook_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("claimed_until", UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("pending_urls", sa.JSON(), nullable=True),
        sa.Column("delivered_at", UTCDateTime(), nullable=True),
        sa.Column("gave_up_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", AutoString(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_webhook_outbox_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_webhook_outbox_delivered_at"), ["delivered_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_webhook_outbox_next_attempt_at"), ["next_attempt_at"], unique=False
        )

    for table in SEARCHED:
        for statement in _search_ddl(op.get_bind().dialect.name, table):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in SEARCHED:
        if dialect == "sqlite":
            for suffix in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_outbox_next_attempt_at"))
        batch_op.drop_index(batch_op.f("ix_webhook_outbox_delivered_at"))
        batch_op.drop_index(batch_op.f("ix_webhook_outbox_created_at"))

    op.drop_table("webhook_outbox")
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_section_slug"))
        batch_op.drop_index(batch_op.f("ix_section_position"))

    op.drop_table("section")
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publication_year"))
        batch_op.drop_index(batch_op.f("ix_publication_slug"))
        batch_op.drop_index(batch_op.f("ix_publication_position"))
        batch_op.drop_index(batch_op.f("ix_publication_featured"))

    op.drop_table("publication")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_year"))
        batch_op.drop_index(batch_op.f("ix_project_slug"))
        batch_op.drop_index(batch_op.f("ix_project_position"))
        batch_op.drop_index(batch_op.f("ix_project_featured"))

    op.drop_table("project")
    op.drop_table("profile")
    with op.batch_alter_table("news", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_news_slug"))

    op.drop_table("news")
    with op.batch_alter_table("interest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interest_position"))

    op.drop_table("interest")
    op.drop_table("content_version")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_token_name"))

    op.drop_table("audit_entry")
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_token_token_hash"))
        batch_op.drop_index(batch_op.f("ix_api_token_name"))

    op.drop_table("api_token")
    if dialect == "postgresql":
        for name in ("dateprecision", "source"):
            op.execute(f"DROP TYPE IF EXISTS {name}")


SEARCHED = ("publication", "project")
_COLUMNS = ("title", "author_names", "venue")
_POSTGRES_FIELDS = {"all": _COLUMNS, "author": ("author_names",), "venue": ("venue",)}


def _search_ddl(dialect: str, table: str) -> list[str]:
    if dialect == "postgresql":
        statements = []
        for name, fields in _POSTGRES_FIELDS.items():
            joined = " || ' ' || ".join(f"coalesce({field}, '')" for field in fields)
            statements += [
                f"ALTER TABLE {table} ADD COLUMN search_{name} tsvector "
                f"GENERATED ALWAYS AS (to_tsvector('simple', {joined})) STORED",
                f"CREATE INDEX {table}_search_{name} ON {table} USING GIN (search_{name})",
            ]
        return statements
    columns = ", ".join(_COLUMNS)
    new = ", ".join(f"new.{c}" for c in ("id", *_COLUMNS))
    old = "'delete', " + ", ".join(f"old.{c}" for c in ("id", *_COLUMNS))
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
