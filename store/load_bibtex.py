"""Store BibTeX publications: matched by citation key (their slug), updated in place, never
removed, and never touching what the page or the API owns."""

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from schemas.common import Source, utc_now
from schemas.publication import Publication
from seed.parse_bibtex import BibEntry
from store.changes import bump_version
from store.engine import write_session
from store.slugs import MAX_SLUG, slugify


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    """Citation keys whose slug is already taken by the page or the API."""


def key_slug(key: str) -> str:
    return slugify(key, max_length=MAX_SLUG)


def _fields(entry: BibEntry) -> dict[str, Any]:
    fields: dict[str, Any] = entry.work.model_dump(mode="json", exclude={"line"})
    fields["author_names"] = "\n".join(author.name.lower() for author in entry.work.authors)
    return fields


def store_bibtex(session: Session, entries: list[BibEntry]) -> ImportSummary:
    summary = ImportSummary()
    rows = {row.slug: row for row in session.exec(select(Publication))}
    position = (session.exec(select(func.max(Publication.position))).one() or 0) + 1
    now = utc_now()
    for entry in entries:
        slug = key_slug(entry.key)
        fields = _fields(entry)
        row = rows.get(slug)
        if row is not None and row.source != Source.bibtex:
            summary.skipped.append(entry.key)
            continue
        if row is None:
            row = Publication(
                slug=slug, source=Source.bibtex, position=position, created_at=now, **fields
            )
            rows[slug] = row
            position += 1
            summary.added += 1
        elif any(getattr(row, key) != value for key, value in fields.items()):
            for key, value in fields.items():
                setattr(row, key, value)
            summary.updated += 1
        else:
            summary.unchanged += 1
            continue
        row.updated_at = now
        session.add(row)
    if summary.added or summary.updated:
        bump_version(session)
    return summary


def load_bibtex(engine: Engine, entries: list[BibEntry]) -> ImportSummary:
    """Store the entries in one write transaction: all of them, or on error none."""
    with write_session(engine) as session:
        return store_bibtex(session, entries)
