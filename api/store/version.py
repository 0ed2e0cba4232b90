"""The content version: bumped in every transaction that changes what readers see."""

from sqlalchemy import Connection, insert, select, update
from sqlmodel import Session
from sqlmodel import select as select_model

from api.webhooks.outbox import enqueue_change
from schemas.common import utc_now
from schemas.content_version import ContentVersion

_TABLE = ContentVersion.__table__  # type: ignore[attr-defined]


def ensure_version_row(connection: Connection) -> None:
    """The single row exists from the start, so concurrent first writers only update it."""
    if connection.execute(select(_TABLE.c.id)).first() is None:
        connection.execute(insert(_TABLE).values(id=1, version=0, changed_at=utc_now()))


def bump_version(session: Session) -> int:
    """Increment atomically in the caller's transaction; the row lock orders writers."""
    statement = (
        update(_TABLE)
        .values(version=_TABLE.c.version + 1, changed_at=utc_now())
        .returning(_TABLE.c.version)
    )
    version = session.execute(statement).scalar()
    if version is None:  # a database created before the row existed
        session.execute(insert(_TABLE).values(id=1, version=1, changed_at=utc_now()))
        version = 1
    enqueue_change(session, int(version))  # webhooks, delivered after the commit
    return int(version)


def current_version(session: Session) -> ContentVersion:
    row = session.exec(select_model(ContentVersion)).first()
    return row if row is not None else ContentVersion(id=1, version=0)
