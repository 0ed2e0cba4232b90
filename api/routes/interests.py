from sqlmodel import col, select

from api.deps import SessionDep
from api.routes import resource_router
from schemas.interest import Interest, InterestPublic

router = resource_router("interests")


@router.get("/interests", response_model=list[InterestPublic])
def list_interests(session: SessionDep) -> list[Interest]:
    """Research interests in page order, each an area with its topics."""
    return list(session.exec(select(Interest).order_by(col(Interest.position))))
