"""Load a parsed page into the store in one transaction, without touching what the API wrote.

Items from the page are owned by it (`source = seed`): they are matched by slug, updated in
place, and removed when the page no longer has them. Items written through the API
(`source = api`) are never changed here. Loading the same page twice changes nothing.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import delete as sa_delete
from sqlalchemy import insert as sa_insert
from sqlalchemy import select as sa_select
from sqlalchemy import update as sa_update
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col, delete, select

from schemas.common import Source, utc_now
from schemas.event import EventIn
from schemas.interest import Interest
from schemas.news import API_NEWS_MARK, News, NewsIn
from schemas.page import PageIn
from schemas.profile import Profile
from schemas.project import Project
from schemas.publication import Publication
from schemas.section import Section
from schemas.talk import Talk
from schemas.teaching import Teaching
from schemas.work import WorkIn
from seed.packed import PackedPage
from store.changes import bump_version
from store.engine import refresh_statistics, write_session
from store.fit import column_lengths, fit_row, fitted
from store.slugs import SlugChooser, distinct_slugs, news_slug, slugify

Row = TypeVar("Row", News, Publication, Project, Talk, Teaching)
WorkRow = TypeVar("WorkRow", Publication, Project)
EventRow = TypeVar("EventRow", Talk, Teaching)
Item = TypeVar("Item")


@dataclass
class KindSummary:
    total: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0


@dataclass
class LoadSummary:
    kinds: dict[str, KindSummary] = field(default_factory=dict)
    version: int | None = None

    @property
    def changed(self) -> bool:
        return self.version is not None


def _news_fields(item: NewsIn) -> dict[str, Any]:
    return {
        "date": item.date,
        "date_precision": item.date_precision,
        "text": item.text,
        "text_html": item.text_html,
        "links": [link.model_dump(mode="json") for link in item.links],
    }


def _work_fields(work: WorkIn) -> dict[str, Any]:
    # JSON values for the JSON columns; the date stays a date, as the column stores and
    # returns it, so an unchanged work compares equal.
    fields: dict[str, Any] = work.model_dump(mode="json", exclude={"line", "date"})
    fields["date"] = work.date
    names = "\n".join(author.name.lower() for author in work.authors)
    fields["author_names"] = names
    return fields


def _event_fields(event: EventIn) -> dict[str, Any]:
    fields: dict[str, Any] = event.model_dump(
        mode="json", exclude={"line", "date", "date_precision"}
    )
    fields["date"] = event.date
    fields["date_precision"] = event.date_precision
    fields["year"] = event.date.year if event.date else None
    return fields


STORE_BATCH = 2000
"""Rows looked up, updated and inserted per statement: a long page's rows are never all in
memory at once, and every statement stays well within the databases' parameter limits."""


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _merge(
    session: Session,
    model: type[Row],
    wanted: Iterable[tuple[str, dict[str, Any]]],
    summary: KindSummary,
    batch: int,
) -> None:
    """Insert, update or remove seed-owned rows so they are exactly `wanted` (slug, fields).

    Works on plain rows with bulk statements, `batch` rows at a time: a page of 100,000
    entries loads in a bounded amount of memory, in the one transaction."""
    table = model.__table__  # type: ignore[attr-defined]
    seed_rows = table.c.source == Source.seed.name
    lengths = column_lengths(table)
    now = utc_now()
    seen: set[str] = set()
    part: list[tuple[str, dict[str, Any]]]
    for part in _chunks(wanted, batch):
        names = ["id", "slug", *part[0][1].keys(), "position"]
        columns = [table.c[name] for name in dict.fromkeys(names)]
        found = session.execute(
            sa_select(*columns).where(seed_rows, table.c.slug.in_([slug for slug, _ in part]))
        )
        existing = {row.slug: row._asdict() for row in found}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for slug, given in part:
            fields = fitted(lengths, {**given, "position": len(seen)})
            seen.add(slug)
            old = existing.get(slug)
            if old is None:
                inserts.append(
                    {
                        **fields,
                        "slug": slug,
                        "source": Source.seed.name,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            elif any(old.get(key, value) != value for key, value in fields.items()):
                updates.append({**fields, "id": old["id"], "updated_at": now})
        if updates:
            session.execute(sa_update(model), updates)
        if inserts:
            session.execute(sa_insert(model), inserts)
        summary.added += len(inserts)
        summary.updated += len(updates)
    rows = session.execute(sa_select(table.c.id, table.c.slug).where(seed_rows))
    gone = [row.id for row in rows if row.slug not in seen]
    for ids in _chunks(gone, batch):
        session.execute(sa_delete(table).where(table.c.id.in_(ids)))
    summary.removed = len(gone)
    summary.total = len(seen)


def _api_slugs(session: Session, model: type[Row]) -> set[str]:
    """Slugs the page must not take: rows written through the API or imported from BibTeX."""
    return set(session.exec(select(model.slug).where(col(model.source) != Source.seed)))


def _without_api_news(session: Session, news: Iterable[NewsIn]) -> Callable[[], Iterator[NewsIn]]:
    """The page's news, less the API items that `homepage export markdown` wrote back (marked
    so, and still said the same by the API): the API item stays the one that is served. Each
    call reads the page's news again."""
    api = session.exec(select(News).where(col(News.source) == Source.api))
    said = {(item.date, item.text.strip()) for item in api}

    def kept() -> Iterator[NewsIn]:
        for item in news:
            if (
                not item.text.endswith(API_NEWS_MARK)
                or (item.date, item.text.removesuffix(API_NEWS_MARK).strip()) not in said
            ):
                yield item

    return kept


def _merge_news(session: Session, news: Iterable[NewsIn], summary: KindSummary, batch: int) -> None:
    kept = _without_api_news(session, news)
    bases = [news_slug(n.date, n.date_precision, n.text_html) for n in kept()]
    slugs = SlugChooser(bases, _api_slugs(session, News))
    wanted = (
        (slugs.choose(base, item.text), _news_fields(item))
        for base, item in zip(bases, kept(), strict=True)
    )
    _merge(session, News, wanted, summary, batch)


def _merge_works(
    session: Session,
    model: type[WorkRow],
    works: Iterable[WorkIn],
    summary: KindSummary,
    batch: int,
) -> None:
    """`works` is read twice: every title first, for the slugs, then each work."""
    bases = [slugify(work.title) for work in works]
    slugs = SlugChooser(bases, _api_slugs(session, model))
    wanted = (
        (slugs.choose(base, partial(work.model_dump_json, include=_WORK_KEY)), _work_fields(work))
        for base, work in zip(bases, works, strict=True)
    )
    _merge(session, model, wanted, summary, batch)


_WORK_KEY = {"title", "authors", "venue", "year"}
_EVENT_KEY = {"title", "date", "venue"}


def _merge_events(
    session: Session,
    model: type[EventRow],
    events: Iterable[EventIn],
    summary: KindSummary,
    batch: int,
) -> None:
    """Like works: the same title at another date or venue is another talk, with its own slug."""
    bases = [slugify(event.title) for event in events]
    slugs = SlugChooser(bases, _api_slugs(session, model))
    wanted = (
        (
            slugs.choose(base, partial(event.model_dump_json, include=_EVENT_KEY)),
            _event_fields(event),
        )
        for base, event in zip(bases, events, strict=True)
    )
    _merge(session, model, wanted, summary, batch)


def _replace_all(
    session: Session, model: type[SQLModel], rows: Sequence[SQLModel], summary: KindSummary
) -> None:
    """Replace a table that only the page writes; counts as a change only if content differs."""

    def content(items: Sequence[SQLModel]) -> list[dict[str, Any]]:
        return [item.model_dump(exclude={"id"}) for item in items]

    rows = [fit_row(row) for row in rows]
    before = list(session.exec(select(model)))
    summary.total = len(rows)
    if content(before) == content(rows):
        return
    session.exec(delete(model))
    session.add_all(rows)
    summary.added = max(0, len(rows) - len(before))
    summary.updated = min(len(rows), len(before))
    summary.removed = max(0, len(before) - len(rows))


def store_page(
    session: Session, page: PageIn | PackedPage, batch: int = STORE_BATCH
) -> LoadSummary:
    summary = LoadSummary()
    kinds = summary.kinds
    for name in (
        "profile",
        "interests",
        "news",
        "publications",
        "projects",
        "talks",
        "teaching",
        "sections",
    ):
        kinds[name] = KindSummary()

    profile = Profile(id=1, **page.profile.model_dump(mode="json"))
    _replace_all(session, Profile, [profile], kinds["profile"])
    interests = [
        Interest(position=i, area=x.area, topics=x.topics) for i, x in enumerate(page.interests)
    ]
    _replace_all(session, Interest, interests, kinds["interests"])

    _merge_news(session, page.news, kinds["news"], batch)
    _merge_works(session, Publication, page.publications, kinds["publications"], batch)
    _merge_works(session, Project, page.projects, kinds["projects"], batch)
    _merge_events(session, Talk, page.talks, kinds["talks"], batch)
    _merge_events(session, Teaching, page.teaching, kinds["teaching"], batch)

    section_slugs = distinct_slugs(
        [slugify(section.title) for section in page.sections],
        [section.markdown for section in page.sections],
        set(),
    )
    sections = [
        Section(slug=slug, position=i, title=s.title, markdown=s.markdown, html=s.html)
        for i, (slug, s) in enumerate(zip(section_slugs, page.sections, strict=True))
    ]
    _replace_all(session, Section, sections, kinds["sections"])

    if any(k.added or k.updated or k.removed for k in kinds.values()):
        summary.version = bump_version(session)
    return summary


def load_page(engine: Engine, page: PageIn | PackedPage, batch: int = STORE_BATCH) -> LoadSummary:
    """Store a parsed page in one write transaction: all of it, or (on any error) none of it;
    its rows are written `batch` at a time."""
    with write_session(engine) as session:
        summary = store_page(session, page, batch)
    if summary.changed:
        refresh_statistics(engine)
    return summary
