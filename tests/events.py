"""A page with talks and teaching, as a site's `_talks/` and `_teaching/` files give them:
each test that needs one loads it into its own database."""

import datetime as dt

from sqlalchemy.engine import Engine

from schemas.common import DatePrecision, Link, LinkKind
from schemas.event import EventIn
from schemas.page import PageIn
from schemas.profile import ProfileIn, SocialKind, SocialLink
from schemas.work import WorkIn
from store.load_page import LoadSummary, load_page

MIT_TALK = EventIn(
    title="Sparse Experts at Scale",
    type="Invited talk",
    venue="MIT CSAIL",
    date=dt.date(2025, 3, 14),
    date_precision=DatePrecision.day,
    location="Cambridge, MA",
    links=[Link(label="Slides", url="https://example.org/slides.pdf", kind=LinkKind.slides)],
    body="On **routing** tokens.",
    body_html="<p>On <strong>routing</strong> tokens.</p>",
    file="_talks/2025-03-14-mit.md",
    line=1,
)
RUTGERS_TALK = EventIn(
    title="Sparse Experts at Scale",
    type="Talk",
    venue="Rutgers University",
    date=dt.date(2024, 11, 1),
    date_precision=DatePrecision.month,
    location="New Brunswick, NJ",
    file="_talks/2024-11-rutgers.md",
)
POSTER = EventIn(
    title="Pruning Without Tears",
    type="Poster",
    venue="NeurIPS 2024",
    date=dt.date(2024, 12, 10),
    date_precision=DatePrecision.day,
    location="Vancouver",
)
UNDATED_TALK = EventIn(title="Notes on Mixture Routing", venue="Reading group")
COURSE = EventIn(
    title="Introduction to Machine Learning",
    type="Undergraduate course",
    venue="Rutgers University, Department of Computer Science",
    date=dt.date(2025, 9, 1),
    date_precision=DatePrecision.month,
    location="New Brunswick, NJ",
    links=[Link(label="Syllabus", url="https://example.edu/ml/syllabus")],
    body="Lectures and labs.",
    body_html="<p>Lectures and labs.</p>",
    file="_teaching/2025-fall-ml.md",
)
LAB = EventIn(
    title="Compilers Lab",
    type="Lab",
    venue="Example University",
    date=dt.date(2023, 1, 1),
    date_precision=DatePrecision.year,
)
DATED_WORK = WorkIn(
    title="Routing Without Regret",
    venue="ICML 2025",
    year=2025,
    date=dt.date(2025, 7, 13),
    abstract="We route *tokens*.",
    file="_publications/2025-07-13-routing.md",
    on_page=False,
)
PROFILE = ProfileIn(
    name="Ada Lovelace",
    bio="Routing tokens since 1843.",
    location="London",
    social=[SocialLink(kind=SocialKind.orcid, url="https://orcid.org/0000-0002-1825-0097")],
)


def events_page(
    talks: list[EventIn] | None = None, teaching: list[EventIn] | None = None
) -> PageIn:
    return PageIn(
        profile=PROFILE,
        publications=[DATED_WORK],
        talks=[MIT_TALK, RUTGERS_TALK, POSTER, UNDATED_TALK] if talks is None else talks,
        teaching=[COURSE, LAB] if teaching is None else teaching,
    )


def seed_events_page(engine: Engine) -> LoadSummary:
    return load_page(engine, events_page())
