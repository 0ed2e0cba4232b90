"""`homepage seed`: --check is a dry run, errors name file:line and exit 1, and a site root
loads `_pages/about.md` with its `_publications` collection."""

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from api.settings import get_settings
from cli import app
from schemas.publication import Publication
from schemas.teaching import Teaching
from store.engine import make_engine

CORPUS = Path(__file__).parent.parent / "corpus"
runner = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("HOMEPAGE_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("HOMEPAGE_OWNER_NAME", raising=False)
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "_pages").mkdir(parents=True)
    shutil.copy(CORPUS / "about" / "15_qiuhan-star.md", root / "_pages" / "about.md")
    shutil.copytree(CORPUS / "publications", root / "_publications")
    return root


def test_check_reports_what_would_load_and_stores_nothing(database: Path) -> None:
    result = runner.invoke(app, ["seed", "--check", "--content", str(CORPUS / "about/02_0v0V.md")])
    assert result.exit_code == 0
    assert "Seungho Shin" in result.stdout
    assert "02_0v0V.md:51: publication has no venue" in result.stderr
    assert not database.exists()


def test_check_json_is_the_parsed_page_and_its_warnings(database: Path) -> None:
    page = CORPUS / "about" / "25_jmliu88.md"
    result = runner.invoke(app, ["seed", "--check", "--json", "--content", str(page)])
    body = json.loads(result.stdout)
    assert [news["date"] for news in body["page"]["news"]] == [
        "2022-03-01", "2021-08-01", "2019-08-01", "2019-07-01"
    ]  # fmt: skip
    assert body["page"]["publications"][0]["note"] == "Oral"
    assert body["warnings"] == []


def test_an_unreadable_page_exits_1_naming_file_and_line(database: Path, tmp_path: Path) -> None:
    page = tmp_path / "about.md"
    page.write_text("---\ntitle: [unclosed\n---\nHello\n", encoding="utf-8")
    result = runner.invoke(app, ["seed", "--content", str(page)])
    assert result.exit_code == 1
    assert f"{page}:3: front matter cannot be read" in result.stderr
    assert not database.exists()


def test_a_folder_without_a_page_exits_1(database: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["seed", "--check", "--content", str(tmp_path)])
    assert result.exit_code == 1
    assert "is a folder with no page to load" in result.stderr


def test_a_site_root_loads_the_page_and_its_publication_collection(
    database: Path, site: Path
) -> None:
    result = runner.invoke(app, ["seed", "--content", str(site)])
    assert result.exit_code == 0, result.stderr
    engine = make_engine(f"sqlite:///{database}")
    with Session(engine) as session:
        rows = session.exec(select(Publication).order_by(col(Publication.position))).all()
        loaded = [(row.year, row.venue, row.group) for row in rows]
        owners = [[a["name"] for a in row.authors if a["is_owner"]] for row in rows]
    engine.dispose()
    assert loaded == [
        (2024, "Journal of Asian Public Policy", "journal articles"),
        (2014, "XX Congresso Brasileiro de Automática", None),
        (2013, "Proceedings of the 35th Annual Conference of the Cognitive Science Society", None),
    ]
    assert owners == [["Han Qiu"], [], ["Powell, D."]]


SITES = Path(__file__).parent.parent / "sites"


def test_check_of_a_site_reports_each_file_and_warns_of_each_sample_with_its_line(
    database: Path,
) -> None:
    result = runner.invoke(app, ["seed", "--check", "--json", "--content", str(SITES / "ngalioto")])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    samples = [f for f in body["files"] if f["outcome"] == "sample"]
    assert samples == [
        {"path": "_teaching/2015-spring-teaching-2.md", "outcome": "sample", "why": "skipped"},
        {"path": "_teaching/2014-spring-teaching-1.md", "outcome": "sample", "why": "skipped"},
        {"path": "_portfolio/portfolio-2.html", "outcome": "sample", "why": "skipped"},
        {"path": "_portfolio/portfolio-1.md", "outcome": "sample", "why": "skipped"},
    ]
    assert len(body["files"]) == 2 + 8 + 13 + 4  # about page, config, and every entry file
    assert (
        f"{SITES}/ngalioto/_teaching/2014-spring-teaching-1.md:2: is the template's sample "
        "entry, not the owner's" in body["warnings"]
    )
    assert not database.exists()


def test_seed_skips_template_samples_unless_asked_to_keep_them(database: Path) -> None:
    site = str(SITES / "ngalioto")
    assert runner.invoke(app, ["seed", "--content", site]).exit_code == 0
    engine = make_engine(f"sqlite:///{database}")
    with Session(engine) as session:
        assert session.exec(select(Teaching)).all() == []
    assert runner.invoke(app, ["seed", "--content", site, "--keep-samples"]).exit_code == 0
    with Session(engine) as session:
        titles = session.exec(select(Teaching.title).order_by(col(Teaching.title))).all()
    engine.dispose()
    assert titles == ["Teaching experience 1", "Teaching experience 2"]
