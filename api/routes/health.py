from typing import Literal

from fastapi import HTTPException, Request, status
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.deps import SessionDep
from api.errors import ErrorPublic
from api.routes import resource_router

router = resource_router("health")


class HealthPublic(BaseModel):
    status: Literal["ok"]


@router.get(
    "/health",
    response_model=HealthPublic,
    responses={503: {"model": ErrorPublic, "description": "The database does not answer."}},
)
def read_health(request: Request, session: SessionDep) -> HealthPublic:
    """Whether the API and its database answer, at this release's schema."""
    if (problem := getattr(request.app.state, "schema_problem", None)) is not None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, problem)
    try:
        session.exec(text("SELECT 1"))  # type: ignore[call-overload]
    except SQLAlchemyError:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, "The database does not answer."
        ) from None
    return HealthPublic(status="ok")
