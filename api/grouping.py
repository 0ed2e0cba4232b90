"""Publications grouped by year: newest year first, undated last, page order within a year."""

from collections.abc import Sequence

from schemas.publication import PublicationPublic, PublicationYear


def by_year(items: Sequence[PublicationPublic]) -> list[PublicationYear]:
    years: dict[int | None, list[PublicationPublic]] = {}
    for item in items:
        years.setdefault(item.year, []).append(item)
    order = sorted(years, key=lambda year: (year is None, -(year or 0)))
    return [PublicationYear(year=year, publications=years[year]) for year in order]
