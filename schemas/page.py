"""A whole parsed page: what the importer hands to the store."""

from pydantic import BaseModel

from schemas.event import EventIn
from schemas.interest import InterestIn
from schemas.news import NewsIn
from schemas.profile import ProfileIn
from schemas.section import SectionIn
from schemas.work import WorkIn


class PageIn(BaseModel):
    profile: ProfileIn
    interests: list[InterestIn] = []
    news: list[NewsIn] = []
    publications: list[WorkIn] = []
    projects: list[WorkIn] = []
    sections: list[SectionIn] = []
    talks: list[EventIn] = []
    teaching: list[EventIn] = []
