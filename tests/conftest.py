"""Fixtures: a fresh SQLite file per test, the app over it, and the owner's page loaded."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from api.db import create_schema, make_engine, write_session
from api.main import create_app
from api.settings import ROOT, Settings
from api.store.tokens import create_token
from schemas.token import Scope
from seed.load import load_page
from seed.read import read_page

SEED_PAGE = ROOT / "seed" / "about.md"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'homepage.db'}", content=SEED_PAGE)


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = make_engine(settings.database_url)
    create_schema(engine)
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
