from fastapi import APIRouter, HTTPException, status

from api.deps import SessionDep
from api.errors import ErrorPublic
from schemas.profile import Profile, ProfilePublic

router = APIRouter(tags=["profile"])


@router.get(
    "/profile",
    response_model=ProfilePublic,
    responses={404: {"model": ErrorPublic, "description": "Nothing has been seeded yet."}},
)
def read_profile(session: SessionDep) -> Profile:
    """The owner's name, biography (Markdown and safe HTML), affiliation and links."""
    profile = session.get(Profile, 1)
    if profile is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No profile yet: run `homepage seed` first.")
    return profile
