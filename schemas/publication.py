"""Publications, in page order."""

from pydantic import BaseModel

from schemas.work import WorkPublic, WorkRow


class Publication(WorkRow, table=True):
    pass


class PublicationPublic(WorkPublic):
    pass


class PublicationYear(BaseModel):
    """The publications of one year, for a "by year" page; `year` is null for undated ones."""

    year: int | None
    publications: list[PublicationPublic]
