from api.deps import SectionDep, SessionDep
from api.errors import NOT_FOUND
from api.routes import resource_router
from schemas.section import Section, SectionPublic
from store import sections

router = resource_router("sections")


@router.get("/sections", response_model=list[SectionPublic])
def list_sections(session: SessionDep) -> list[Section]:
    """Every other section of the page (Education, Awards, …) in page order."""
    return sections.list_sections(session)


@router.get("/sections/{slug}", response_model=SectionPublic, responses=NOT_FOUND)
def read_section(section: SectionDep) -> Section:
    """One section by its slug."""
    return section
