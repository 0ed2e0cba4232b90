"""Word search over publications, projects, talks and teaching, indexed on both databases.

SQLite: an FTS5 table per kind, kept in step with the rows by triggers, asked for prefixes
(`"tian"*`). PostgreSQL: a GIN index per field on `search_keys(..., year)`, every prefix of
every word of the field and the row's year (kept in the index alone, not in the rows), asked
whether it contains the filter's words whole (`@>`), and the year's key with them when a year
is asked for too (`with_year`), which the index answers far faster than a `tian:*` prefix
query; the condition is written exactly as the index's expression, so the planner uses the
index.
Both are made by the migrations, and split and fold words alike (`store.folding`). Either way
a filter matches when every word of it starts a word of the field (`tian chen` finds
"Tianlong Chen"), ignoring case and accents.

Table and column names in the SQL below come from this module's constants (a table or field
not in `INDEXED` is a `KeyError`, never SQL); every value a client sends is a bound parameter,
reduced to words first.
"""

import re

from sqlalchemy import ARRAY, ColumnElement, Text, bindparam, literal_column, select, text

from schemas.project import Project
from schemas.publication import Publication
from schemas.talk import Talk
from schemas.teaching import Teaching
from store.folding import fold

Searched = type[Publication] | type[Project] | type[Talk] | type[Teaching]
Fields = dict[str, tuple[str, ...]]
WORK_FIELDS: Fields = {
    "all": ("title", "author_names", "venue"),
    "author": ("author_names",),
    "venue": ("venue",),
}
EVENT_FIELDS: Fields = {"all": ("title", "type", "venue", "location")}
INDEXED: dict[str, Fields] = {
    "publication": WORK_FIELDS,
    "project": WORK_FIELDS,
    "talk": EVENT_FIELDS,
    "teaching": EVENT_FIELDS,
}
_WORD = re.compile(r"[^\W_]+")


def words(query: str) -> list[str]:
    return _WORD.findall(fold(query).lower())[:20]


def parameter(field: str) -> str:
    """The name of the bound parameter `matches` reads the words of a `field` search from."""
    return f"search_{field}"


def matches(dialect: str, model: Searched, field: str) -> ColumnElement[bool]:
    """A condition: every word of the search bound as `parameter(field)` (its value from
    `search_value`) starts a word of `field` (for works `all`, `author` or `venue`; for
    talks and teaching `all`). It holds no value, so one statement serves every search."""
    table = str(model.__tablename__)
    fields = INDEXED[table][field]
    if dialect == "postgresql":
        joined = " || ' ' || ".join(f"coalesce({table}.{name}, '')" for name in fields)
        # The words come through a subquery, so the plan is made without them: for a word in
        # nearly every row (the page owner's own name) the planner would otherwise read the
        # whole table and compute every row's keys, as it counts that cost on the index's
        # way too (seconds at 100,000 works); made without the words, it takes the index.
        words = select(bindparam(parameter(field), type_=ARRAY(Text))).scalar_subquery()
        return literal_column(f"search_keys({joined}, {table}.year)").op("@>")(words)
    subquery = text(
        f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :{parameter(field)}"
    ).bindparams(bindparam(parameter(field), type_=Text))
    return literal_column(f"{table}.id").in_(subquery)


def with_year(
    dialect: str, value: str | list[str], year: int | None
) -> tuple[str | list[str], int | None]:
    """A search's value and the year left to filter on. On PostgreSQL a row's search keys
    include its year's (`#2014`: `#` starts no word, so no search for words asks for it), so
    a search with a year asks the one index for both, and no year is left; on SQLite the
    value and the year as they are."""
    if dialect == "postgresql" and year is not None and isinstance(value, list):
        return [*value, f"#{year}"], None
    return value, year


def search_value(dialect: str, model: Searched, field: str, query: str) -> str | list[str] | None:
    """What `matches` is bound to for `query`: its words (PostgreSQL) or an FTS5 expression
    asking for each as a prefix in the field's columns; None when `query` has no words, so
    nothing can match."""
    terms = words(query)
    if not terms:
        return None
    if dialect == "postgresql":
        return terms
    columns = " ".join(INDEXED[str(model.__tablename__)][field])
    return "{" + columns + "} : (" + " AND ".join(f'"{term}"*' for term in terms) + ")"
