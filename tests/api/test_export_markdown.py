"""`homepage export markdown`: the page written back, API news included; seeding it changes
nothing."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from api.settings import Settings, get_settings
from cli import app
from schemas.news import API_NEWS_MARK
from seed.files import read_page
from store.load_page import load_page
from tests.conftest import SEED_PAGE, make_token

READS = ("/profile", "/interests", "/news", "/publications", "/projects", "/sections")

PAGE = """\
---
title: "Ada Lovelace"
---

I study engines.

## News

- [2024/05] Joined the Analytical Society.

## Publications

### Journal

1. **Ada Lovelace**\\*, Charles Babbage\\*, Notes on the Engine, Transactions on Engines 1843 (Oral). [[Paper](https://example.org/notes)] ⭐

### Conference

1. Charles Babbage, **Ada Lovelace**†, On Bernoulli Numbers, ICML 1842.

[//]: # (1. An old draft, kept out of sight.)

## Teaching

Taught mathematics.
"""  # noqa: E501


OWNER_VENUES = (
    "TMLR",
    "ICLR 2025 SCOPE Workshop",
    "NAACL 2025",
    "ICML 2024",
    "ICME 2024 (Oral)",
    "ACL 2023",
    "WACV 2023",
    "EMNLP 2022",
    "EMNLP 2024",
)


def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings) -> str:
    monkeypatch.setenv("HOMEPAGE_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("HOMEPAGE_CONTENT", str(settings.content))
    get_settings.cache_clear()
    target = tmp_path / "exported.md"
    try:
        result = CliRunner().invoke(app, ["export", "markdown", "--to", str(target)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


def post_news(engine: Engine, client: TestClient) -> None:
    token = make_token(engine)
    for body in (
        {"text": "Gave a talk at **MIT**.\n\nSlides are online.", "date": "2025-06-02"},
        {"text": "Paper accepted!", "date": "2025-07-01", "date_precision": "month"},
    ):
        response = client.post("/news", json=body, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 201


def test_export_then_reseed_changes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
    seeded: Engine,
    client: TestClient,
) -> None:
    post_news(seeded, client)
    before = {path: client.get(path).json() for path in READS}
    exported = tmp_path / "about.md"
    exported.write_text(export(tmp_path, monkeypatch, settings), encoding="utf-8")
    summary = load_page(seeded, read_page(exported).page)
    assert not summary.changed
    assert {path: client.get(path).json() for path in READS} == before


def test_exported_page_keeps_prose_and_adds_api_news(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
    seeded: Engine,
    client: TestClient,
) -> None:
    post_news(seeded, client)
    original = SEED_PAGE.read_text(encoding="utf-8")
    news = "- [2025/04] Will join [Rutgers University, New Brunswick]"
    expected = original.replace(
        news,
        f"- [2025/07] Paper accepted! {API_NEWS_MARK}\n"
        f"- [2025/06/02] Gave a talk at **MIT**.\n\n  Slides are online. {API_NEWS_MARK}\n" + news,
    ).replace("with Post-Training**.", "with Post-Training.")
    for venue in OWNER_VENUES:  # written in italics, so no reader takes them for the title
        expected = expected.replace(f", {venue}. [[", f", *{venue}*. [[")
    assert export(tmp_path, monkeypatch, settings) == expected


def test_groups_marks_notes_and_hidden_lines_are_written_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Settings, engine: Engine
) -> None:
    page = tmp_path / "about.md"
    page.write_text(PAGE, encoding="utf-8")
    load_page(engine, read_page(page).page)
    written = export(tmp_path, monkeypatch, settings.model_copy(update={"content": page}))
    assert written == PAGE.replace(
        "Transactions on Engines 1843 (Oral).", "*Transactions on Engines 1843 (Oral)*."
    )
