"""Text a page gives that is longer than its column holds (a 600-character venue, a whole
paragraph read as an interest's area) is shortened to fit, ending in `…`, rather than
failing the seed on PostgreSQL, which enforces lengths SQLite does not."""

from typing import Any

from sqlalchemy import Table
from sqlmodel import SQLModel


def column_lengths(table: Table) -> dict[str, int]:
    lengths = {column.name: getattr(column.type, "length", None) for column in table.columns}
    return {name: length for name, length in lengths.items() if isinstance(length, int)}


def fitted(lengths: dict[str, int], fields: dict[str, Any]) -> dict[str, Any]:
    for name, length in lengths.items():
        value = fields.get(name)
        if isinstance(value, str) and len(value) > length:
            fields[name] = value[: length - 1] + "…"
    return fields


def fit_row(row: SQLModel) -> SQLModel:
    table: Table = row.__table__  # type: ignore[attr-defined]
    for name, value in fitted(column_lengths(table), dict(row)).items():
        setattr(row, name, value)
    return row
