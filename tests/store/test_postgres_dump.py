"""A PostgreSQL database dumped with `pg_dump` and restored with `psql` comes back whole, its
search indexes too: a restore runs with an empty search path, and the functions the indexes
are made with must still find each other."""

import shutil
import subprocess

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from schemas.publication import PublicationPublic
from store.engine import make_engine
from store.works import WorkFilters, list_works
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(
    POSTGRES_URL is None or shutil.which("pg_dump") is None or shutil.which("psql") is None,
    reason="needs a PostgreSQL server (HOMEPAGE_TEST_POSTGRES_URL) and its pg_dump and psql",
)


def searched(engine: Engine, filters: WorkFilters) -> tuple[list[str], int]:
    with Session(engine) as session:
        found = list_works(session.connection(), PublicationPublic, filters, 20, 0)
    return [row.slug for row in found.items], found.total


def test_a_dump_restores_with_its_search_indexes_and_answers_the_same(
    seeded: Engine, database_url: str
) -> None:
    assert POSTGRES_URL is not None
    with Session(seeded) as session:
        [first] = list_works(session.connection(), PublicationPublic, WorkFilters(), 1, 0).items
    word = first.title.split()[0]
    searches = [
        WorkFilters(q=word),
        WorkFilters(q=word, year=first.year),
        WorkFilters(author="dong"),
    ]
    before = [searched(seeded, filters) for filters in searches]
    with seeded.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    seeded.dispose()
    server = make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(False)

    dump = subprocess.run(
        ["pg_dump", "--schema", schema, server], capture_output=True, check=True
    ).stdout
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()
    restored = subprocess.run(
        ["psql", "--quiet", "--set", "ON_ERROR_STOP=1", server],
        input=dump,
        capture_output=True,
    )
    assert (restored.returncode, restored.stderr.decode()) == (0, "")

    engine = make_engine(database_url)
    with engine.connect() as connection:
        indexes = connection.execute(
            text(
                "SELECT count(*) FROM pg_indexes"
                " WHERE schemaname = :s AND indexname LIKE '%search%'"
            ),
            {"s": schema},
        ).scalar_one()
    after = [searched(engine, filters) for filters in searches]
    engine.dispose()
    assert indexes == 8
    assert after == before
    assert before[1][1] >= 1
