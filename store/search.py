"""Word search over publications and projects, indexed on both databases.

SQLite: an FTS5 table per kind, kept in step with the rows by triggers. PostgreSQL:
generated `tsvector` columns with GIN indexes. Both are made by the migrations. Either way a
filter matches when every word of it starts a word of the field (`tian chen` finds "Tianlong
Chen"), ignoring case.

Table and column names in the SQL below come from this module's constants; every value a
client sends is a bound parameter, reduced to words first.
"""

import re

from sqlalchemy import ColumnElement, bindparam, literal_column, text

from schemas.project import Project
from schemas.publication import Publication

Work = type[Publication] | type[Project]
FIELDS = {
    "all": ("title", "author_names", "venue"),
    "author": ("author_names",),
    "venue": ("venue",),
}
_WORD = re.compile(r"[^\W_]+")


def words(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:20]


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
