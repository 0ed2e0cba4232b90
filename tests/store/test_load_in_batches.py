"""A long page is written a batch of rows at a time, in its one transaction."""

import re

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bench.generate import page
from schemas.news import News
from schemas.publication import Publication
from schemas.work import WorkIn
from seed.parse_page import parse_page
from store import load_page as loader
from store.load_page import KindSummary, load_page
from store.slugs import slugify

BEFORE = page(30)


def edited(text: str) -> str:
    """The fifth work replaced by another with the sixth's title, the seventh's link renamed,
    and one more with that title at the end: three works share a title (so each slug takes a
    suffix from its content), two slugs go, three come."""
    lines = text.splitlines()
    fifth = next(i for i, line in enumerate(lines) if line.startswith("5. "))
    seventh = fifth + 2
    lines[seventh] = lines[seventh].replace("[[Paper](", "[[PDF](")
    sixth = lines[fifth + 1]
    lines[fifth] = sixth.replace("**Daize Dong**", "**Daize Dong**, Ann Wu", 1)
    end = lines.index("## Projects")
    lines.insert(end - 1, sixth.replace("**Daize Dong**", "Bob Lee, **Daize Dong**", 1))
    return "\n".join(lines) + "\n"


def stored(engine: Engine) -> list[tuple[object, ...]]:
    with Session(engine) as session:
        works = session.exec(select(Publication).order_by(col(Publication.position)))
        news = session.exec(select(News).order_by(col(News.position)))
        return [
            *((work.id, work.slug, work.position, work.title, work.venue) for work in works),
            *((item.id, item.slug, item.position, item.text) for item in news),
        ]


@pytest.mark.parametrize("batch", [1, 2, 7, loader.STORE_BATCH])
def test_batches_of_any_size_store_the_same_rows(engine: Engine, batch: int) -> None:
    load_page(engine, parse_page("about.md", BEFORE).content, batch)
    summary = load_page(engine, parse_page("about.md", edited(BEFORE)).content, batch)
    assert summary.kinds["publications"] == KindSummary(total=31, added=3, updated=1, removed=2)
    assert summary.kinds["news"] == KindSummary(total=30)
    rows = stored(engine)
    assert not load_page(engine, parse_page("about.md", edited(BEFORE)).content).changed
    assert stored(engine) == rows
    twins = [row for row in rows[:31] if row[3] == rows[5][3]]
    assert [row[2] for row in twins] == [4, 5, 30]
    base = slugify(str(rows[5][3]))
    assert [re.fullmatch(rf"{base}-[0-9a-f]{{6}}", str(row[1])) is not None for row in twins] == [
        True
    ] * 3
    assert len({row[1] for row in twins}) == 3


def test_a_failure_late_in_a_batched_load_leaves_the_database_as_it_was(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_page(engine, parse_page("about.md", BEFORE).content)
    before = stored(engine)
    fields = loader._work_fields
    written: list[str] = []

    def fails_at_the_last(work: WorkIn) -> dict[str, object]:
        written.append(work.title)
        if len(written) == 31:
            raise RuntimeError("the disk went away")
        return fields(work)

    monkeypatch.setattr(loader, "_work_fields", fails_at_the_last)
    with pytest.raises(RuntimeError, match="the disk went away"):
        load_page(engine, parse_page("about.md", edited(BEFORE)).content, 2)
    assert len(written) == 31  # fifteen batches of the page written before it failed
    assert stored(engine) == before
