"""The owner's profile: name, biography and what the page (and a site's `_config.yml`) states
about them."""

from enum import StrEnum

from pydantic import BaseModel
from sqlmodel import JSON, Column, Field, SQLModel

from schemas.common import Link


class SocialKind(StrEnum):
    """Where a profile link points, named after the site (the keys academicpages uses)."""

    google_scholar = "google_scholar"
    orcid = "orcid"
    github = "github"
    gitlab = "gitlab"
    twitter = "twitter"
    bluesky = "bluesky"
    mastodon = "mastodon"
    linkedin = "linkedin"
    researchgate = "researchgate"
    semantic_scholar = "semantic_scholar"
    arxiv = "arxiv"
    dblp = "dblp"
    inspire_hep = "inspire_hep"
    pubmed = "pubmed"
    scopus = "scopus"
    ssrn = "ssrn"
    zotero = "zotero"
    academia = "academia"
    impactstory = "impactstory"
    wikipedia = "wikipedia"
    stackoverflow = "stackoverflow"
    kaggle = "kaggle"
    bitbucket = "bitbucket"
    youtube = "youtube"
    facebook = "facebook"
    instagram = "instagram"
    medium = "medium"
    zhihu = "zhihu"
    weibo = "weibo"
    keybase = "keybase"
    telegram = "telegram"
    website = "website"
    other = "other"


class SocialLink(BaseModel):
    """A link from the site's sidebar profile, built the way the template builds it."""

    kind: SocialKind
    url: str = Field(
        min_length=1,
        max_length=2000,
        schema_extra={"examples": ["https://orcid.org/0000-0002-1825-0097"]},
    )


class ProfileBase(SQLModel):
    name: str | None = Field(default=None, max_length=200)
    biography: str = Field(default="", description="The biography as Markdown.")
    biography_html: str = Field(default="", description="The biography rendered to safe HTML.")
    affiliation: str | None = Field(default=None, max_length=300)
    affiliation_url: str | None = Field(default=None, max_length=2000)
    page_title: str | None = Field(default=None, max_length=300)
    avatar_url: str | None = Field(
        default=None, max_length=2000, description="The site's profile picture, absolute URL."
    )
    bio: str | None = Field(
        default=None, max_length=1000, description="The one-line bio under the name."
    )
    location: str | None = Field(default=None, max_length=300)
    employer: str | None = Field(default=None, max_length=300)
    email: str | None = Field(
        default=None, max_length=320, description="Only where the owner published it."
    )
    site_url: str | None = Field(
        default=None, max_length=2000, description="The site's own address (`url` + `baseurl`)."
    )


class Profile(ProfileBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    links: list[dict[str, str]] = Field(default_factory=list, sa_column=Column(JSON))
    social: list[dict[str, str]] = Field(default_factory=list, sa_column=Column(JSON))


class ProfilePublic(ProfileBase):
    links: list[Link] = Field(description="Links in the biography, in page order.")
    social: list[SocialLink] = Field(
        description="The site's profile links (Google Scholar, ORCID, GitHub, …)."
    )


class ProfileIn(BaseModel):
    """The profile as the importer reads it from a page (and a site's `_config.yml`)."""

    name: str | None = None
    biography: str = ""
    biography_html: str = ""
    affiliation: str | None = None
    affiliation_url: str | None = None
    page_title: str | None = None
    avatar_url: str | None = None
    bio: str | None = None
    location: str | None = None
    employer: str | None = None
    email: str | None = None
    site_url: str | None = None
    links: list[Link] = []
    social: list[SocialLink] = []
