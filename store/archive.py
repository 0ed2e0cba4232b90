"""Export and import what the API owns (see `schemas.archive`), so it can move to another
database without loss: API news keep their slugs, dates, times and authors, tokens their
names, scopes and lifetimes, and the audit log every row."""

import secrets
from dataclasses import dataclass

from sqlmodel import Session, col, select

from schemas.archive import ArchivedAuditEntry, ArchivedNews, ArchivedToken, OwnedArchive
from schemas.audit import AuditEntry
from schemas.common import Source, as_utc
from schemas.news import News
from schemas.token import ApiToken
from store.changes import bump_version
from store.errors import AlreadyExists
from store.tokens import hash_token


def export_owned(session: Session) -> OwnedArchive:
    news = session.exec(select(News).where(col(News.source) == Source.api).order_by(col(News.id)))
    tokens = session.exec(select(ApiToken).order_by(col(ApiToken.id)))
    audit = session.exec(select(AuditEntry).order_by(col(AuditEntry.id)))
    return OwnedArchive(
        news=[ArchivedNews.model_validate(item) for item in news],
        tokens=[ArchivedToken.model_validate(token) for token in tokens],
        audit=[ArchivedAuditEntry.model_validate(entry) for entry in audit],
    )


def _audit_key(entry: AuditEntry | ArchivedAuditEntry) -> tuple[object, ...]:
    return (as_utc(entry.at), entry.token_name, entry.action, entry.resource, entry.slug)


@dataclass(frozen=True)
class ImportedCounts:
    news: int
    tokens: int
    audit: int


def import_owned(session: Session, archive: OwnedArchive) -> ImportedCounts:
    """Add what the archive holds and the database lacks, in the caller's transaction. An API
    item with the same slug is brought to the archived version; a page item with that slug is
    refused, so nothing of the page is overwritten."""
    news_added = 0
    for item in archive.news:
        stored = session.exec(select(News).where(col(News.slug) == item.slug)).first()
        if stored is not None and stored.source != Source.api:
            raise AlreadyExists(
                f"News item '{item.slug}' in the archive has the slug of an item from the page."
            )
        row = stored or News(slug=item.slug, text="", text_html="", source=Source.api)
        for name, value in item.model_dump(exclude={"links"}).items():
            setattr(row, name, value)
        row.links = [link.model_dump(mode="json") for link in item.links]
        session.add(row)
        news_added += stored is None
    known = set(session.exec(select(ApiToken.name)))
    tokens_added = 0
    for token in archive.tokens:
        if token.name in known:
            continue
        # The archive has no hash: the token is kept on record but can no longer sign in.
        unusable = hash_token(secrets.token_urlsafe(32))
        session.add(ApiToken(**token.model_dump(), token_hash=unusable))
        tokens_added += 1
    present = {_audit_key(entry) for entry in session.exec(select(AuditEntry))}
    audit_added = 0
    for entry in archive.audit:
        if _audit_key(entry) not in present:
            session.add(AuditEntry(**entry.model_dump()))
            audit_added += 1
    bump_version(session)
    return ImportedCounts(news_added, tokens_added, audit_added)
