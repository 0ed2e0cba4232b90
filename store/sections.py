"""The page's other sections (Education, Awards, …), in page order."""

from sqlmodel import Session, col, select

from schemas.section import Section
from store.errors import NotFound


def list_sections(session: Session) -> list[Section]:
    return list(session.exec(select(Section).order_by(col(Section.position))))


def read_section(session: Session, slug: str) -> Section:
    item = session.exec(select(Section).where(col(Section.slug) == slug)).first()
    if item is None:
        raise NotFound(f"Section '{slug}' not found")
    return item
