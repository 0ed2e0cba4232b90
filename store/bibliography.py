"""Publications for the citation formats: every match of a filter, not one page of it."""

from sqlmodel import Session, col, select

from schemas.publication import Publication, PublicationPublic
from store.works import WorkFilters, list_works

EXPORT_LIMIT = 100_000


def matching_publications(session: Session, filters: WorkFilters) -> list[PublicationPublic]:
    return list_works(session.connection(), PublicationPublic, filters, EXPORT_LIMIT, 0).items


def every_publication(session: Session) -> list[PublicationPublic]:
    """All publications in page order: citation keys are made over all of them, so a key does
    not depend on the filter of the listing it appears in."""
    rows = session.exec(
        select(Publication).order_by(col(Publication.position), col(Publication.id))
    )
    return [PublicationPublic.model_validate(row) for row in rows]
