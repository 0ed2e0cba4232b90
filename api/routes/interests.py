from fastapi import APIRouter
from sqlmodel import col, select

from api.deps import SessionDep
from schemas.interest import Interest, InterestPublic

router = APIRouter(tags=["interests"])


@router.get("/interests", response_model=list[InterestPublic])
def list_interests(session: SessionDep) -> list[Interest]:
    """Research interests in page order, each an area with its topics."""
    return list(session.exec(select(Interest).order_by(col(Interest.position))))
