from fastapi import APIRouter
from sqlmodel import col, select

from api.deps import SessionDep
from api.errors import NOT_FOUND, found
from schemas.section import Section, SectionPublic

router = APIRouter(tags=["sections"])


@router.get("/sections", response_model=list[SectionPublic])
def list_sections(session: SessionDep) -> list[Section]:
    """Every other section of the page (Education, Awards, …) in page order."""
    return list(session.exec(select(Section).order_by(col(Section.position))))


@router.get("/sections/{slug}", response_model=SectionPublic, responses=NOT_FOUND)
def read_section(slug: str, session: SessionDep) -> Section:
    """One section by its slug."""
    return found(
        session.exec(select(Section).where(col(Section.slug) == slug)).first(), "Section", slug
    )
