"""Fixtures: a fresh database per test, the app over it, and the owner's page loaded.

The tests go by layer: unit/ (pure functions), store/ (the store and the in-process command
on a real database), api/ (through the ASGI app), e2e/ (a real server, processes, crashes,
Chromium, schemathesis).

The database is a new SQLite file, or, when HOMEPAGE_TEST_POSTGRES_URL names a PostgreSQL
server (as `make test` does on its second pass), a new schema on that server.
"""

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from api.main import create_app
from api.settings import ROOT, Settings
from schemas.token import Scope
from seed.files import read_page
from store.engine import make_engine, write_session
from store.load_page import load_page
from store.schema import check_schema
from store.tokens import create_token

SEED_PAGE = ROOT / "seed" / "about.md"
POSTGRES_URL = os.environ.get("HOMEPAGE_TEST_POSTGRES_URL")
E2E = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/e2e/ is marked `e2e` (left out of `make test-fast`); on the
    PostgreSQL pass, the tests of SQLite itself are skipped."""
    skip = pytest.mark.skip(reason="exercises SQLite itself; this pass runs on PostgreSQL")
    for item in items:
        if E2E in item.path.parents:
            item.add_marker(pytest.mark.e2e)
        if POSTGRES_URL is not None and item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A SQLite file in tmp_path, or a fresh schema on the PostgreSQL test server."""
    if POSTGRES_URL is None:
        yield f"sqlite:///{tmp_path / 'homepage.db'}"
        return
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, content=SEED_PAGE)


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file brought to the current revision by the migrations, once per run."""
    path = tmp_path_factory.mktemp("template") / "homepage.db"
    engine = make_engine(f"sqlite:///{path}")
    check_schema(engine)
    engine.dispose()
    return path


@pytest.fixture
def engine(settings: Settings, migrated_sqlite: Path) -> Iterator[Engine]:
    """The test's database at the current revision: a copy of the migrated SQLite file, or a
    PostgreSQL schema the migrations run on."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        shutil.copyfile(migrated_sqlite, url.database)
    engine = make_engine(settings.database_url)
    check_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    load_page(engine, read_page(SEED_PAGE).page)
    return engine


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings, engine)) as client:
        yield client


@pytest.fixture
def seeded_client(seeded: Engine, client: TestClient) -> TestClient:
    return client


def make_token(engine: Engine, name: str = "laptop", scopes: list[Scope] | None = None) -> str:
    with write_session(engine) as session:
        return create_token(
            session, name, scopes if scopes is not None else [Scope.news_write], None
        )


@pytest.fixture
def token(engine: Engine) -> str:
    return make_token(engine)


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
