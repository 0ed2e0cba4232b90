"""Word search finds the same works, in the same order and with the same totals, on SQLite
(FTS5 prefix queries) and on PostgreSQL (whole-word lookups in arrays of prefixes), given the
same page: words, prefixes, names, venues and years, case, accents and punctuation.

Both databases at once: the PostgreSQL pass's database beside a SQLite file made here."""

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bench.generate import page
from schemas.project import Project, ProjectPublic
from schemas.publication import Publication, PublicationPublic
from schemas.talk import Talk
from schemas.teaching import Teaching
from seed.parse_page import parse_page
from store.engine import make_engine
from store.events import EventFilters, list_events
from store.load_page import load_page
from store.schema import check_schema
from store.search import Searched, matches, parameter, search_value, with_year
from store.works import WorkFilters, list_works
from tests.conftest import POSTGRES_URL
from tests.events import events_page

P = TypeVar("P", PublicationPublic, ProjectPublic)
pytestmark = pytest.mark.skipif(
    POSTGRES_URL is None, reason="compares SQLite with PostgreSQL (HOMEPAGE_TEST_POSTGRES_URL)"
)

# Names, words and punctuation that the two databases' own tokenizers would read differently.
EXTRA = [
    "José Ñúñez, Zoë Müller, **Daize Dong**, Ünal Øster, Mixture-of-experts with GPT-4 "
    "routing at 3.5 bits, ICML 2021. [[Paper](https://arxiv.org/abs/2101.00001)]",
    "Łukasz Kaiser, Jürgen Schmidhuber, State-of-the-art sparse_experts: "
    "a study (v2.0) of e-mail@example.org corpora, NeurIPS 2019.",
    "MULLER Anne, Muller Béatrice, Œuvre complète du ÉCOLE normale, ACL 2020.",
]
WORKS = [
    WorkFilters(),
    WorkFilters(q="efficient"),
    WorkFilters(q="Efficient"),
    WorkFilters(q="eff"),
    WorkFilters(q="e"),
    WorkFilters(q="graph transformer"),
    WorkFilters(q="sparse experts"),
    WorkFilters(q="pruning ka"),
    WorkFilters(q="kalo"),
    WorkFilters(q="ti mu"),
    WorkFilters(q="dong"),
    WorkFilters(q="nothingatall"),
    WorkFilters(q="neurips 2019"),
    WorkFilters(q="efficient", year=2003),
    WorkFilters(q="model", featured=False),
    WorkFilters(author="Daize Dong"),
    WorkFilters(author="dai"),
    WorkFilters(author="Dong", year=2010),
    WorkFilters(author="efficient"),
    WorkFilters(venue="ICML"),
    WorkFilters(venue="icml", year=2021),
    WorkFilters(venue="NAACL"),
    WorkFilters(venue="acl"),
    WorkFilters(venue="2020"),
    WorkFilters(venue="neur", year=2019),
    WorkFilters(author="muller"),
    WorkFilters(author="MÜLLER"),
    WorkFilters(author="Zoe"),
    WorkFilters(author="zoë müller"),
    WorkFilters(author="nunez jose"),
    WorkFilters(author="Ñú"),
    WorkFilters(author="lukasz"),
    WorkFilters(author="łukasz"),
    WorkFilters(author="oster"),
    WorkFilters(author="øster"),
    WorkFilters(author="unal"),
    WorkFilters(q="ecole complete"),
    WorkFilters(q="œuvre"),
    WorkFilters(q="GPT-4"),
    WorkFilters(q="gpt 4"),
    WorkFilters(q="4 bits"),
    WorkFilters(q="3.5"),
    WorkFilters(q="5"),
    WorkFilters(q="mixture-of-experts"),
    WorkFilters(q="of"),
    WorkFilters(q="state-of-the-art"),
    WorkFilters(q="art"),
    WorkFilters(q="sparse_experts"),
    WorkFilters(q="v2 0"),
    WorkFilters(q="e-mail"),
    WorkFilters(q="example.org"),
    WorkFilters(q="org"),
    WorkFilters(q="%"),
    WorkFilters(q="_"),
    WorkFilters(q="'"),
]
CUTS = [(20, 0), (5, 15), (20, 40), (20, 100_000)]  # (limit, offset)


def generated_page(size: int) -> str:
    """bench.generate's page with EXTRA added to its publications."""
    markdown = page(size)
    extra = "".join(f"{size + n + 1}. {line}\n" for n, line in enumerate(EXTRA))
    return markdown.replace("\n## Projects", extra + "\n## Projects")


@pytest.fixture
def sqlite(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'parity.db'}")
    check_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def both(engine: Engine, sqlite: Engine) -> tuple[Engine, Engine]:
    loaded = parse_page("page.md", generated_page(300)).page
    for database in (sqlite, engine):
        load_page(database, loaded)
    return sqlite, engine


def found(
    engine: Engine,
    model: type[P],
    filters: WorkFilters,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[str], int]:
    with Session(engine) as session:
        found = list_works(session.connection(), model, filters, limit, offset)
    return [row.slug for row in found.items], found.total


def same_on_both(sqlite: Engine, postgres: Engine, model: type[P]) -> None:
    for cut in CUTS:
        on_sqlite = {filters: found(sqlite, model, filters, *cut) for filters in WORKS}
        on_postgres = {filters: found(postgres, model, filters, *cut) for filters in WORKS}
        assert on_postgres == on_sqlite, (model.__name__, cut)


def test_works_searches_find_the_same_on_both_databases(both: tuple[Engine, Engine]) -> None:
    same_on_both(*both, PublicationPublic)
    same_on_both(*both, ProjectPublic)


def test_the_compared_searches_find_something(both: tuple[Engine, Engine]) -> None:
    """So that the comparison above compares results, not empty lists."""
    sqlite, _ = both
    totals = {filters: found(sqlite, PublicationPublic, filters)[1] for filters in WORKS}
    assert sum(1 for total in totals.values() if total > 20) >= 10
    assert totals[WorkFilters(author="muller")] == 2
    assert totals[WorkFilters(author="Zoe")] == totals[WorkFilters(author="zoë müller")] == 1
    assert totals[WorkFilters(q="GPT-4")] == totals[WorkFilters(q="3.5")] == 1


def test_talk_searches_find_the_same_on_both_databases(engine: Engine, sqlite: Engine) -> None:
    for database in (sqlite, engine):
        load_page(database, events_page())
    words = ["sparse", "Sparse Experts", "mit", "cambridge ma", "invited", "poster", "x"]
    searches = [EventFilters(q=q) for q in words] + [
        EventFilters(q=q, year=year) for q in ("sparse", "mit", "x") for year in (2024, 2025)
    ]
    results = []
    for database in (sqlite, engine):
        with Session(database) as session:
            results.append(
                {
                    filters: [row.slug for row in list_events(session, Talk, filters, 20, 0)[0]]
                    for filters in searches
                }
            )
    assert results[0] == results[1]
    assert results[0][EventFilters(q="sparse")] != []
    assert results[0][EventFilters(q="mit", year=2025)] != []


@pytest.mark.parametrize(
    ("model", "field", "index"),
    [
        (Publication, "all", "publication_search_all"),
        (Publication, "author", "publication_search_author"),
        (Publication, "venue", "publication_search_venue"),
        (Project, "all", "project_search_all"),
        (Talk, "all", "talk_search_all"),
        (Teaching, "all", "teaching_search_all"),
    ],
)
def test_each_postgresql_search_condition_is_answered_by_its_index(
    engine: Engine, model: Searched, field: str, index: str
) -> None:
    """The condition is written as the index's expression; were they to drift apart, the
    searches would still be right but read every row."""
    statement = select(col(model.id)).where(matches("postgresql", model, field))
    compiled = statement.compile(dialect=engine.dialect)
    words = search_value("postgresql", model, field, "sparse experts")
    assert words is not None
    with_a_year, _ = with_year("postgresql", words, 2024)
    plans = []
    with engine.connect() as connection:
        connection.exec_driver_sql("SET enable_seqscan = off")
        for value in (words, with_a_year):
            plan = connection.exec_driver_sql(
                "EXPLAIN " + str(compiled), {**compiled.params, parameter(field): value}
            ).all()
            plans.append("\n".join(row[0] for row in plan))
    assert [f"Bitmap Index Scan on {index}" in plan for plan in plans] == [True, True]


def listing_plan(engine: Engine, filters: WorkFilters, *settings: str) -> tuple[str, int]:
    """The plan PostgreSQL makes for the statement `list_works` sends for `filters` (after
    the `SET`s in `settings`), and the total it found."""
    statements: list[tuple[str, dict[str, object]]] = []

    def record(
        _connection: object, _cursor: object, statement: str, values: dict[str, object], *_: object
    ) -> None:
        statements.append((statement, values))

    event.listen(engine, "before_cursor_execute", record)
    with Session(engine) as session:
        total = list_works(session.connection(), PublicationPublic, filters, 20, 0).total
    event.remove(engine, "before_cursor_execute", record)
    [(statement, parameters)] = statements
    with engine.connect() as connection:
        for setting in settings:
            connection.exec_driver_sql(setting)
        plan = connection.exec_driver_sql("EXPLAIN " + statement, parameters)
        return "\n".join(row[0] for row in plan), total


def test_an_unfiltered_list_walks_the_position_index_to_its_page(engine: Engine) -> None:
    """With no filter there is nothing to evaluate apart: the page is read in page order
    from the position index, and the total counted beside it, not every row gathered and
    sorted for a window count."""
    load_page(engine, parse_page("page.md", generated_page(2000)).page)
    plan, total = listing_plan(engine, WorkFilters())
    assert total == 2000 + len(EXTRA)
    assert "Index Scan using ix_publication_position on publication" in plan
    assert "CTE" not in plan


def test_a_postgresql_search_with_a_year_asks_its_search_index_alone(engine: Engine) -> None:
    """The year's key is among the row's search keys, so `venue` with `year` is one index
    lookup, not the search index's rows intersected with the year index's."""
    filters = WorkFilters(venue="ICML", year=2021)
    plan, _ = listing_plan(engine, filters, "SET enable_seqscan = off")
    assert "publication_search_venue" in plan
    assert "ix_publication_year" not in plan


def test_a_name_on_every_work_is_still_looked_up_in_its_index(engine: Engine) -> None:
    """The page owner is an author of every work. Planned for that name, PostgreSQL would read
    the whole table and compute every row's search keys (seconds at 100,000 works); the
    search's words reach the plan through a subquery, so it is made without them, and takes
    the index."""
    load_page(engine, parse_page("page.md", generated_page(2000)).page)
    plan, total = listing_plan(engine, WorkFilters(author="Dong"))
    assert total == 2000 + 1  # every generated work, and the one of EXTRA with the owner
    assert "Bitmap Index Scan on publication_search_author" in plan
