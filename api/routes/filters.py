"""The query filters shared by the publication and project lists."""

from typing import Annotated

from fastapi import Depends, Query

from api.store.works import WorkFilters


def work_filters(
    year: Annotated[int | None, Query(ge=1000, le=9999, description="Only this year.")] = None,
    author: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="An author's name contains this."),
    ] = None,
    venue: Annotated[
        str | None, Query(min_length=1, max_length=200, description="The venue contains this.")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Every word appears in title, authors or venue.",
        ),
    ] = None,
    featured: Annotated[
        bool | None, Query(description="Only works the page marks `⭐` (true), or only others.")
    ] = None,
) -> WorkFilters:
    return WorkFilters(year=year, author=author, venue=venue, q=q, featured=featured)


FiltersDep = Annotated[WorkFilters, Depends(work_filters)]
