from fastapi import Request, Response
from pydantic import TypeAdapter

from api.deps import ProjectDep, ReadEngineDep, WorkListDep
from api.errors import NOT_FOUND
from api.json_lists import json_list
from api.middleware.cache import read_at
from api.pagination import set_page_headers
from api.routes import resource_router
from schemas.project import Project, ProjectPublic
from store.works import list_works

router = resource_router("projects")
PROJECTS = TypeAdapter(list[ProjectPublic])


@router.get("/projects", response_model=list[ProjectPublic])
def list_projects(request: Request, engine: ReadEngineDep, params: WorkListDep) -> Response:
    """Projects in page order, filtered by year, author, venue, words (`q`) or `featured`."""
    with engine.connect() as connection:
        found = list_works(connection, ProjectPublic, params.filters(), params.limit, params.offset)
    read_at(request, found.version)
    response = json_list(PROJECTS, found.items)
    set_page_headers(request, response, params, found.total)
    return response


@router.get("/projects/{slug}", response_model=ProjectPublic, responses=NOT_FOUND)
def read_project(project: ProjectDep) -> Project:
    """One project by its slug."""
    return project
