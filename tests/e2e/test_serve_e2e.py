"""The real command line: `homepage seed` then `homepage serve`, read over HTTP with httpx."""

from pathlib import Path

import httpx

from tests.expected import PUBLICATIONS
from tests.server import homepage_env, run_homepage, serving
from tests.timestamps import without_times


def test_seed_then_serve_answers_over_http(database_url: str) -> None:
    env = homepage_env(database_url)
    seeded = run_homepage("seed", env=env)
    assert seeded.returncode == 0, seeded.stderr
    assert "publications │ 8" in seeded.stdout
    with serving(env) as base:
        response = httpx.get(f"{base}/publications")
        assert response.status_code == 200
        assert without_times(response.json()) == PUBLICATIONS
        assert httpx.get(f"{base}/profile").json()["name"] == "Daize Dong"


def test_seed_of_a_broken_page_names_file_and_line_and_keeps_the_data(
    database_url: str, tmp_path: Path
) -> None:
    env = homepage_env(database_url)
    assert run_homepage("seed", env=env).returncode == 0
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n\n## News\n")
    result = run_homepage("seed", "--content", str(broken), env=env)
    assert result.returncode == 1
    assert f"{broken}:3: front matter cannot be read" in " ".join(result.stderr.split())
    with serving(env) as base:
        assert len(httpx.get(f"{base}/publications").json()) == 8


def test_seed_of_a_missing_file_says_so(database_url: str, tmp_path: Path) -> None:
    env = homepage_env(database_url)
    result = run_homepage("seed", "--content", str(tmp_path / "nope.md"), env=env)
    assert result.returncode == 1
    assert f"{tmp_path / 'nope.md'}: no such file" in " ".join(result.stderr.split())
