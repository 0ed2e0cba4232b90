"""The owner's profile: the one row the seed writes."""

from sqlmodel import Session

from schemas.profile import Profile
from store.errors import NotFound

NO_PROFILE = "No profile yet: run `homepage seed` first."


def find_profile(session: Session) -> Profile | None:
    return session.get(Profile, 1)


def read_profile(session: Session) -> Profile:
    profile = find_profile(session)
    if profile is None:
        raise NotFound(NO_PROFILE)
    return profile
