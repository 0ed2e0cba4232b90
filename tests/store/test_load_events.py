"""Loading talks and teaching, and a site's work and profile fields: re-loading changes
nothing, dates are stored as dates, and slugs come from content, never from position."""

import datetime as dt

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from schemas.common import Source, utc_now
from schemas.publication import Publication
from schemas.talk import Talk
from store.engine import write_session
from store.load_page import load_page
from tests.events import MIT_TALK, POSTER, RUTGERS_TALK, UNDATED_TALK, events_page

MIT = "sparse-experts-at-scale-a20cfe"
RUTGERS = "sparse-experts-at-scale-ea0da6"


def talk_rows(engine: Engine) -> list[tuple[int | None, str, str]]:
    with Session(engine) as session:
        rows = session.exec(select(Talk).order_by(col(Talk.position)))
        return [(row.id, row.slug, row.updated_at.isoformat()) for row in rows]


def test_reloading_the_same_page_with_talks_changes_nothing(engine: Engine) -> None:
    first = load_page(engine, events_page())
    assert (first.kinds["talks"].added, first.kinds["teaching"].added) == (4, 2)
    before = talk_rows(engine)
    again = load_page(engine, events_page())
    assert not again.changed
    assert all(k.added == k.updated == k.removed == 0 for k in again.kinds.values())
    assert talk_rows(engine) == before


def test_a_works_date_and_site_fields_are_stored_as_they_are(engine: Engine) -> None:
    load_page(engine, events_page())
    with Session(engine) as session:
        work = session.exec(select(Publication)).one()
        talk = session.exec(select(Talk).where(col(Talk.slug) == MIT)).one()
    assert (work.date, work.abstract, work.file, work.on_page) == (
        dt.date(2025, 7, 13),
        "We route *tokens*.",
        "_publications/2025-07-13-routing.md",
        False,
    )
    assert (talk.date, talk.year, talk.file) == (dt.date(2025, 3, 14), 2025, MIT_TALK.file)


def test_talks_with_one_title_keep_their_slugs_in_any_order(engine: Engine) -> None:
    load_page(engine, events_page())
    before = {slug: row_id for row_id, slug, _ in talk_rows(engine)}
    assert set(before) == {MIT, RUTGERS, "pruning-without-tears", "notes-on-mixture-routing"}
    reordered = events_page(talks=[UNDATED_TALK, RUTGERS_TALK, POSTER, MIT_TALK])
    summary = load_page(engine, reordered)
    assert (summary.kinds["talks"].added, summary.kinds["talks"].removed) == (0, 0)
    assert {slug: row_id for row_id, slug, _ in talk_rows(engine)} == before


def test_an_edited_talk_keeps_its_row_and_slug(engine: Engine) -> None:
    load_page(engine, events_page())
    before = talk_rows(engine)
    moved = POSTER.model_copy(update={"location": "Vancouver, BC"})
    summary = load_page(engine, events_page(talks=[MIT_TALK, RUTGERS_TALK, moved, UNDATED_TALK]))
    assert summary.kinds["talks"].updated == 1
    assert [(i, s) for i, s, _ in talk_rows(engine)] == [(i, s) for i, s, _ in before]


def test_the_page_leaves_a_talk_it_does_not_own_alone(engine: Engine) -> None:
    now = utc_now()
    with write_session(engine) as session:
        session.add(
            Talk(
                slug="pruning-without-tears",
                title="Pruning Without Tears",
                source=Source.api,
                created_at=now,
                updated_at=now,
            )
        )
        session.commit()
    load_page(engine, events_page())
    load_page(engine, events_page())
    with Session(engine) as session:
        rows = session.exec(select(Talk.slug, Talk.source).where(col(Talk.title).contains("Pru")))
        assert sorted(rows) == [
            ("pruning-without-tears", Source.api),
            ("pruning-without-tears-b415ba", Source.seed),
        ]
