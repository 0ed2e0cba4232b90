"""Schema migrations: up from nothing they give exactly the models' tables, they walk down and
up again, a database made before migrations existed is recognised and upgraded with every row
kept, and every command refuses an out-of-date database without touching it."""

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel
from typer.testing import CliRunner

from api.main import create_app
from api.settings import Settings, get_settings
from cli import app
from store import schema
from store.engine import make_engine
from store.errors import SchemaOutOfDate
from tests.events import seed_events_page

FIXTURES = Path(__file__).parent.parent / "fixtures"
OLD_DATABASE = FIXTURES / "db-218bd0a.sqlite"
OLD_TOKEN = (FIXTURES / "db-218bd0a.token").read_text().strip()
API_NEWS = [
    "2026-11-08-started-an-internship-at-a-research-lab",
    "2026-11-02-gave-a-talk-at-mit-on-sparse-experts",
    "2026-11-01-our-paper-on-moe-compression-was-accepted-at-tmlr",
]
runner = CliRunner()


@pytest.fixture
def bare(database_url: str) -> Iterator[Engine]:
    """An engine on an empty database: no tables, no revision."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_object": schema.include_object, "compare_type": True},
        )
        return list(compare_metadata(context, SQLModel.metadata))


def test_migrations_from_nothing_give_exactly_the_models_tables(bare: Engine) -> None:
    assert schema.upgrade(bare) == (None, schema.head())
    assert differences(bare) == []


def test_every_migration_walks_down_to_nothing_and_up_again(bare: Engine) -> None:
    schema.upgrade(bare)
    schema.downgrade(bare, "base")
    with bare.connect() as connection:
        assert schema.current(connection) is None
    schema.upgrade(bare)
    assert differences(bare) == []


def test_the_migrated_search_index_finds_words(bare: Engine) -> None:
    schema.upgrade(bare)
    with TestClient(create_app(Settings(database_url=str(bare.url)), bare)) as client:
        assert client.get("/publications", params={"q": "x"}).json() == []


@pytest.fixture
def old_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of a database made by the release before migrations, as the configured one."""
    path = tmp_path / "homepage.db"
    shutil.copyfile(OLD_DATABASE, path)
    monkeypatch.setenv("HOMEPAGE_DATABASE_URL", f"sqlite:///{path}")
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "command",
    [["seed"], ["token", "list"], ["export", "markdown"], ["import", "bibtex", "missing.bib"]],
    ids=" ".join,
)
def test_every_command_refuses_an_old_database_and_leaves_it_byte_identical(
    old_copy: Path, command: list[str]
) -> None:
    before = digest(old_copy)
    result = runner.invoke(app, command)
    assert (result.exit_code, " ".join(result.stderr.split())) == (
        1,
        f"error: The database {old_copy} was made before schema migrations existed: run "
        "`homepage db upgrade` first (back it up with `homepage db backup PATH`).",
    )
    assert digest(old_copy) == before


@pytest.mark.sqlite_only
def test_upgrading_an_old_database_keeps_api_news_tokens_and_audit(old_copy: Path) -> None:
    result = runner.invoke(app, ["db", "upgrade"])
    assert (result.exit_code, result.stdout.split()) == (
        0,
        f"Upgraded the database from revision none to {schema.head()}.".split(),
    )
    engine = make_engine(f"sqlite:///{old_copy}")
    settings = Settings(database_url=str(engine.url))
    with TestClient(create_app(settings, engine)) as client:
        news = client.get("/news").json()
        posted = client.post(
            "/news",
            json={"text": "After the upgrade."},
            headers={"Authorization": f"Bearer {OLD_TOKEN}"},
        )
        health = client.get("/health")
    with engine.connect() as connection:
        audit = connection.execute(text("SELECT token_name, action, slug FROM audit_entry")).all()
        authors = connection.execute(
            text("SELECT DISTINCT created_by FROM news WHERE source = 'api'")
        ).all()
    engine.dispose()
    assert [item["slug"] for item in news if item["source"] == "api"] == API_NEWS
    assert [tuple(row) for row in authors] == [("fixture-owner",)]
    assert (posted.status_code, posted.json()["text"]) == (201, "After the upgrade.")
    assert health.json() == {"status": "ok"}
    assert [tuple(row) for row in audit] == [
        ("fixture-owner", "create", slug) for slug in (API_NEWS[1], API_NEWS[2], API_NEWS[0])
    ] + [("fixture-owner", "create", posted.json()["slug"])]
    again = runner.invoke(app, ["db", "upgrade"])
    assert again.stdout.split() == (
        f"The database is at revision {schema.head()}, this release's; nothing to do.".split()
    )


@pytest.mark.sqlite_only
def test_health_is_503_with_the_sentence_on_an_old_database(old_copy: Path) -> None:
    engine = make_engine(f"sqlite:///{old_copy}")
    with TestClient(create_app(Settings(database_url=str(engine.url)), engine)) as client:
        health = client.get("/health")
    engine.dispose()
    assert (health.status_code, health.json()) == (
        503,
        {
            "detail": f"The database {old_copy} was made before schema migrations existed: run "
            "`homepage db upgrade` first (back it up with `homepage db backup PATH`)."
        },
    )


def test_a_database_of_a_newer_release_is_refused(bare: Engine) -> None:
    schema.upgrade(bare)
    with bare.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaOutOfDate, match="made by a newer release than this one"):
        schema.check_schema(bare)


def test_db_current_says_where_the_database_stands(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOMEPAGE_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        runner.invoke(app, ["db", "upgrade"])
        result = runner.invoke(app, ["db", "current", "--json"])
    finally:
        get_settings.cache_clear()
    head = schema.head()
    assert result.stdout.strip() == f'{{"current": "{head}", "head": "{head}", "up_to_date": true}}'


@pytest.mark.sqlite_only
def test_json_export_and_import_move_what_the_api_owns_without_loss(
    old_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    exported = runner.invoke(app, ["export", "json"])
    archive = json.loads(exported.stdout)
    assert [item["slug"] for item in archive["news"]] == [API_NEWS[1], API_NEWS[2], API_NEWS[0]]
    assert {item["created_by"] for item in archive["news"]} == {"fixture-owner"}
    assert [token["name"] for token in archive["tokens"]] == ["fixture-owner"]
    assert "token_hash" not in archive["tokens"][0]
    assert [entry["slug"] for entry in archive["audit"]] == [API_NEWS[1], API_NEWS[2], API_NEWS[0]]
    (tmp_path / "owned.json").write_text(exported.stdout)
    monkeypatch.setenv("HOMEPAGE_DATABASE_URL", f"sqlite:///{tmp_path / 'other.db'}")
    get_settings.cache_clear()
    imported = runner.invoke(app, ["import", "json", str(tmp_path / "owned.json")])
    assert imported.stdout.split() == [
        "Imported",
        "3",
        "news",
        "item(s),",
        "1",
        "token",
        "record(s)",
        "and",
        "3",
        "audit",
        "row(s).",
    ]
    assert json.loads(runner.invoke(app, ["export", "json"]).stdout) == archive
    again = runner.invoke(app, ["import", "json", str(tmp_path / "owned.json")])
    assert again.stdout.split() == [
        "Imported",
        "0",
        "news",
        "item(s),",
        "0",
        "token",
        "record(s)",
        "and",
        "0",
        "audit",
        "row(s).",
    ]


@pytest.mark.sqlite_only
def test_an_old_database_can_be_backed_up_before_its_upgrade(old_copy: Path) -> None:
    kept = old_copy.with_name("before.db")
    before = digest(old_copy)
    backed_up = runner.invoke(app, ["db", "backup", str(kept)])
    assert (backed_up.exit_code, digest(old_copy)) == (0, before)  # the original is untouched
    with sqlite3.connect(kept) as connection:
        api_news = connection.execute("SELECT slug FROM news WHERE source = 'api'").fetchall()
    connection.close()
    assert sorted(slug for (slug,) in api_news) == sorted(API_NEWS)
    restored = runner.invoke(app, ["db", "restore", str(kept)])
    assert " ".join(restored.stdout.split()) == (
        f"Restored the database from {kept} "
        f"(revision {schema.head()}, upgraded from revision none)."
    )


@pytest.mark.sqlite_only
def test_upgrading_an_old_database_adds_talks_and_teaching_and_keeps_its_page(
    old_copy: Path,
) -> None:
    with sqlite3.connect(old_copy) as connection:
        works = connection.execute("SELECT slug, title FROM publication ORDER BY id").fetchall()
    connection.close()
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    engine = make_engine(f"sqlite:///{old_copy}")
    with TestClient(create_app(Settings(database_url=str(engine.url)), engine)) as client:
        publications = client.get("/publications").json()
        profile = client.get("/profile").json()
        empty = (client.get("/talks").json(), client.get("/teaching").json())
        searched = client.get("/publications", params={"q": works[0][1]}).json()
        seed_events_page(engine)  # the new tables' search triggers work on the upgraded file
        talks = client.get("/talks", params={"q": "csail"}).json()
        after = client.get("/publications", params={"q": "routing regret"}).json()
    engine.dispose()
    assert [(w["slug"], w["title"]) for w in publications] == works
    assert {(w["date"], w["abstract"]) for w in publications} == {(None, None)}
    assert (profile["social"], profile["bio"], profile["name"]) == ([], None, "Daize Dong")
    assert empty == ([], [])
    assert [w["slug"] for w in searched] == [works[0][0]]
    assert [talk["venue"] for talk in talks] == ["MIT CSAIL"]
    assert [w["slug"] for w in after] == ["routing-without-regret"]


def test_down_to_0002_and_up_again_keeps_the_works_search(bare: Engine) -> None:
    schema.upgrade(bare)
    schema.downgrade(bare, "0002")
    schema.upgrade(bare)
    assert differences(bare) == []
    seed_events_page(bare)
    with TestClient(create_app(Settings(database_url=str(bare.url)), bare)) as client:
        works = client.get("/publications", params={"q": "regret"}).json()
        talks = client.get("/talks", params={"q": "vancouver"}).json()
    assert [w["slug"] for w in works] == ["routing-without-regret"]
    assert [t["slug"] for t in talks] == ["pruning-without-tears"]
