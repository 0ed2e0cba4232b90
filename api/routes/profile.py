from api.deps import ProfileDep
from api.errors import NO_PROFILE
from api.routes import resource_router
from schemas.profile import Profile, ProfilePublic

router = resource_router("profile")


@router.get(
    "/profile",
    response_model=ProfilePublic,
    responses=NO_PROFILE,
)
def read_profile(profile: ProfileDep) -> Profile:
    """The owner's name, biography (Markdown and safe HTML), affiliation and links."""
    return profile
