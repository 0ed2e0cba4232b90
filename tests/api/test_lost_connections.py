"""PostgreSQL closing the app's connections (a restart, a failover, an idle timeout) costs
no request: the first read to find its connection gone has SQLAlchemy replace every older
pooled connection, and the response cache asks the app once more; the change check finds its
own connection gone and reconnects; writes after them get new connections."""

import logging
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from api.main import create_app
from api.settings import Settings
from store.engine import make_engine
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(
    POSTGRES_URL is None, reason="needs a PostgreSQL server (HOMEPAGE_TEST_POSTGRES_URL)"
)


def _close_connections_of(application: str) -> int:
    """Have the server end every connection named `application`, as a restart would."""
    assert POSTGRES_URL is not None
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        ended = connection.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE application_name = :application"
            ),
            {"application": application},
        ).scalar_one()
    admin.dispose()
    return int(ended)


@pytest.fixture
def named_engine(seeded: Engine, settings: Settings) -> Engine:
    """The seeded test database, through connections the server can tell apart."""
    application = f"homepage-test-{uuid.uuid4().hex[:12]}"
    url = make_url(settings.database_url).update_query_dict({"application_name": application})
    return make_engine(url.render_as_string(hide_password=False))


def test_reads_and_writes_after_the_server_closed_every_connection_are_answered(
    named_engine: Engine, settings: Settings, auth: dict[str, str]
) -> None:
    application = named_engine.url.query["application_name"]
    with TestClient(create_app(settings, named_engine)) as client:
        first = client.get("/publications", params={"q": "sparse"})
        assert first.status_code == 200
        assert client.get("/news").status_code == 200  # a second pooled connection
        assert _close_connections_of(str(application)) >= 2

        again = client.get("/publications", params={"q": "sparse", "limit": 5})
        created = client.post(
            "/news", json={"date": "2026-12-01", "text": "Back after a restart."}, headers=auth
        )

    assert again.status_code == 200
    assert again.json() == first.json()[:5]
    assert created.status_code == 201


def test_a_read_answered_on_its_second_try_is_logged_as_one_warning_not_an_error(
    named_engine: Engine, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    application = named_engine.url.query["application_name"]
    with TestClient(create_app(settings, named_engine)) as client:
        assert client.get("/publications", params={"q": "sparse"}).status_code == 200
        assert _close_connections_of(str(application)) >= 1
        with caplog.at_level(logging.WARNING, logger="homepage"):
            again = client.get("/publications", params={"q": "sparse", "limit": 5})

    assert again.status_code == 200
    assert [
        (record.levelname, record.getMessage(), record.exc_info) for record in caplog.records
    ] == [
        (
            "WARNING",
            "GET /publications: the database server had closed the connection; asking again",
            None,
        )
    ]
