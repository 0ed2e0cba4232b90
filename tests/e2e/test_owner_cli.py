"""The owner's path on the command line: tokens, then news against a running server."""

import hashlib
import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.server import homepage_env, run_homepage, serving


def test_token_is_printed_once_alone_and_only_its_hash_is_stored(database_url: str) -> None:
    env = homepage_env(database_url)
    created = run_homepage("token", "create", "--name", "phone", "--expires-in", "30d", env=env)
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert created.stdout == token + "\n"
    assert len(token) >= 43
    engine = create_engine(database_url)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT * FROM api_token")).mappings().all()
    engine.dispose()
    assert len(stored) == 1
    row = dict(stored[0])
    scopes = json.loads(row["scopes"]) if isinstance(row["scopes"], str) else row["scopes"]
    assert (row["name"], scopes) == ("phone", ["news:write"])
    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert not any(token in str(value) for value in row.values())


@pytest.mark.sqlite_only
def test_the_token_appears_nowhere_in_the_database_file(tmp_path: Path) -> None:
    database = tmp_path / "homepage.db"
    token = run_homepage("token", "create", "--name", "a", env=homepage_env(database)).stdout
    assert token.strip()
    assert token.strip().encode() not in database.read_bytes()


def test_token_list_shows_everything_but_the_token(database_url: str) -> None:
    env = homepage_env(database_url)
    token = run_homepage("token", "create", "--name", "laptop", env=env).stdout.strip()
    listed = run_homepage("token", "list", "--json", env=env)
    body = json.loads(listed.stdout)
    assert [(t["name"], t["scopes"], t["last_used_at"], t["revoked_at"]) for t in body] == [
        ("laptop", ["news:write"], None, None)
    ]
    assert body[0]["expires_at"] is not None
    assert token not in listed.stdout


def test_token_names_are_unique_and_revoking_an_unknown_one_fails(database_url: str) -> None:
    env = homepage_env(database_url)
    assert run_homepage("token", "create", "--name", "a", env=env).returncode == 0
    again = run_homepage("token", "create", "--name", "a", env=env)
    assert again.returncode == 1
    assert "A token named 'a' exists already" in again.stderr
    unknown = run_homepage("token", "revoke", "b", env=env)
    assert (unknown.returncode, "No token is named 'b'." in unknown.stderr) == (1, True)


def test_bad_expiry_is_a_usage_error(database_url: str) -> None:
    env = homepage_env(database_url)
    result = run_homepage("token", "create", "--name", "a", "--expires-in", "soon", env=env)
    assert result.returncode == 2
    assert "90d" in result.stderr


def test_owner_posts_edits_and_deletes_news_and_reseeding_keeps_it(database_url: str) -> None:
    env = homepage_env(database_url)
    assert run_homepage("seed", env=env).returncode == 0
    token = run_homepage("token", "create", "--name", "laptop", env=env).stdout.strip()
    with serving(env) as base:
        owner = {**env, "HOMEPAGE_TOKEN": token, "HOMEPAGE_URL": base}
        posted = run_homepage("news", "post", "Talk at *MIT*", "--date", "2025-07-01", env=owner)
        assert posted.returncode == 0, posted.stderr
        slug = json.loads(posted.stdout)["slug"]
        assert slug == "2025-07-01-talk-at-mit"
        assert httpx.get(f"{base}/news").json()[0]["slug"] == slug

        assert run_homepage("seed", env=env).returncode == 0
        assert httpx.get(f"{base}/news/{slug}").json()["text"] == "Talk at *MIT*"

        edited = run_homepage("news", "edit", slug, "--text", "Talk at MIT", env=owner)
        assert json.loads(edited.stdout)["text"] == "Talk at MIT"
        assert run_homepage("news", "delete", slug, env=owner).returncode == 0
        assert httpx.get(f"{base}/news/{slug}").status_code == 404


def test_news_commands_explain_every_refusal(database_url: str) -> None:
    env = homepage_env(database_url)
    assert run_homepage("seed", env=env).returncode == 0
    with serving(env) as base:
        wrong = {**env, "HOMEPAGE_TOKEN": "x" * 43, "HOMEPAGE_URL": base}
        refused = run_homepage("news", "post", "Hi", env=wrong)
        assert refused.returncode == 1
        assert "The token was refused" in refused.stderr
        seed_item = httpx.get(f"{base}/news").json()[0]["slug"]
        token = run_homepage("token", "create", "--name", "t", env=env).stdout.strip()
        owner = {**env, "HOMEPAGE_TOKEN": token, "HOMEPAGE_URL": base}
        conflict = run_homepage("news", "delete", seed_item, env=owner)
        assert "That item belongs to the Markdown page" in " ".join(conflict.stderr.split())
        missing = run_homepage("news", "post", "Hi", env={**env, "HOMEPAGE_URL": base})
        assert (missing.returncode, "set HOMEPAGE_TOKEN" in missing.stderr) == (2, True)
    gone = run_homepage("news", "post", "Hi", env={**owner, "HOMEPAGE_URL": "http://127.0.0.1:9"})
    assert (gone.returncode, "cannot reach" in gone.stderr) == (3, True)
