"""The content version: bumped in every transaction that changes what readers see."""

from sqlmodel import Session, select

from schemas.common import utc_now
from schemas.content_version import ContentVersion


def bump_version(session: Session) -> int:
    row = session.get(ContentVersion, 1)
    if row is None:
        row = ContentVersion(id=1, version=0)
    row.version += 1
    row.changed_at = utc_now()
    session.add(row)
    return row.version


def current_version(session: Session) -> ContentVersion:
    row = session.exec(select(ContentVersion)).first()
    return row if row is not None else ContentVersion(id=1, version=0)
