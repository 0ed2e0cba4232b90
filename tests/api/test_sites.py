"""Real academicpages sites (tests/sites/, counted by hand in its README): each seeds with its
talks, teaching, portfolio projects and one list of publications; the profile carries the
config's avatar and links; re-seeding and seeding the exported site change nothing."""

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from api.settings import Settings, get_settings
from cli import app
from seed.files import read_content
from store.load_page import load_page

SITES = Path(__file__).parent.parent / "sites"
READS = ("/profile", "/publications", "/projects", "/talks", "/teaching", "/news", "/sections")

# site: (talks, teaching, portfolio projects, publications after merging, of them on the page)
HAND_COUNTS = {
    "jp2555": (9, 7, 0, 7, 4),
    "maherou": (22, 2, 4, 11, 0),
    "zhehuazhou": (3, 17, 0, 18, 0),
    "ngalioto": (13, 0, 0, 8, 0),
}


def all_of(client: TestClient, path: str) -> list[dict[str, Any]]:
    response = client.get(path, params={"limit": 1000})
    assert response.status_code == 200
    items: list[dict[str, Any]] = response.json()
    assert response.headers["X-Total-Count"] == str(len(items))
    return items


@pytest.mark.parametrize("site", sorted(HAND_COUNTS))
def test_real_site_seeds_with_the_hand_counted_entries(
    site: str, engine: Engine, client: TestClient
) -> None:
    parsed = read_content(SITES / site)
    load_page(engine, parsed.page)
    talks, teaching, projects, publications, on_page = HAND_COUNTS[site]
    assert len(all_of(client, "/talks")) == talks
    assert len(all_of(client, "/teaching")) == teaching
    assert len(all_of(client, "/projects")) == projects
    assert len(all_of(client, "/publications")) == publications
    assert sum(work.on_page for work in parsed.page.publications) == on_page


def test_site_profile_is_the_page_filled_in_by_the_config(
    engine: Engine, client: TestClient
) -> None:
    load_page(engine, read_content(SITES / "maherou").page)
    profile = client.get("/profile").json()
    site_fields = {key: profile[key] for key in ("avatar_url", "bio", "location", "employer")}
    assert site_fields == {
        "avatar_url": "https://maherou.github.io/images/HerouxSpeaking.jpg",
        "bio": "Senior Scientist, Sandia National Laboratories; Scientist in Residence, "
        "St. John's University, MN",
        "location": "Avon, MN",
        "employer": "Sandia, St. John's",
    }
    assert (profile["email"], profile["site_url"]) == (
        "maherou@sandia.gov",
        "https://maherou.github.io",
    )
    assert profile["social"] == [
        {
            "kind": "google_scholar",
            "url": "https://scholar.google.com/citations?user=3o3TleEAAAAJ&hl=en",
        },
        {"kind": "github", "url": "https://github.com/maherou"},
        {"kind": "linkedin", "url": "https://www.linkedin.com/in/michael-heroux-763590"},
        {"kind": "orcid", "url": "http://orcid.org/0000-0002-5893-0273"},
        {
            "kind": "stackoverflow",
            "url": "https://www.stackoverflow.com/users/4480512/michael-heroux",
        },
    ]


def test_publication_both_page_and_collection_describe_is_served_once_with_the_file_extras(
    engine: Engine, client: TestClient
) -> None:
    load_page(engine, read_content(SITES / "jp2555").page)
    first = all_of(client, "/publications")[0]
    assert (first["title"], first["date"], first["venue"]) == (
        "Measurement of jet track functions in pp collisions at $$\\sqrt{s}=13$$ TeV with the "
        "ATLAS detector",
        "2025-01-01",
        "Physics Letters B",
    )
    assert first["abstract"] == (
        "First measurement of jet track functions using ATLAS pp collision data at √s = 13 TeV. "
        "(Part of doctoral dissertation work.)"
    )
    assert [link["url"] for link in first["links"]] == [
        "https://arxiv.org/abs/2502.02062",
        "https://doi.org/10.1016/j.physletb.2025.139680",
    ]


def test_talks_with_one_title_are_two_talks_newest_first(
    engine: Engine, client: TestClient
) -> None:
    load_page(engine, read_content(SITES / "jp2555").page)
    title = "Improving and Extending Precision Jet Substructure Measurements with Deep Learning"
    same = [t for t in all_of(client, "/talks") if str(t["title"]).startswith(title)]
    assert [(t["date"], t["venue"]) for t in same] == [
        ("2024-06-15", "LBNL High Energy Physics Seminar"),
        ("2022-04-01", "Yale Wright Laboratory Seminar"),
    ]
    assert same[0]["slug"] != same[1]["slug"]


@pytest.mark.parametrize("site", sorted(HAND_COUNTS))
def test_reseeding_a_site_and_seeding_its_export_change_nothing(
    site: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
    engine: Engine,
    client: TestClient,
) -> None:
    load_page(engine, read_content(SITES / site).page)
    before = {path: client.get(path, params={"limit": 1000}).json() for path in READS}
    assert not load_page(engine, read_content(SITES / site).page).changed
    monkeypatch.setenv("HOMEPAGE_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(
            app,
            ["export", "markdown", "--content", str(SITES / site), "--to", str(tmp_path / "out")],
        )
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert not load_page(engine, read_content(tmp_path / "out").page).changed
    assert {path: client.get(path, params={"limit": 1000}).json() for path in READS} == before


def test_exporting_a_site_needs_a_folder_to_write_to(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, engine: Engine
) -> None:
    monkeypatch.setenv("HOMEPAGE_DATABASE_URL", settings.database_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["export", "markdown", "--content", str(SITES / "jp2555")])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "is a site: give `--to DIR`, the folder to write it to." in result.stderr
