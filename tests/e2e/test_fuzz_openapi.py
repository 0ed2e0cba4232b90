"""The API against its own OpenAPI document: schemathesis, in process, every phase and check.

The run is what `schemathesis run` does from the command line (examples, coverage, fuzzing,
and the stateful phase that follows the OpenAPI links from `POST /news` to the item), with
every default check: no server errors, responses and headers match the schema, bad input is
refused, good input is accepted, auth is enforced, deleted items stay gone. It is seeded, so a
failure reproduces; each failure is reported with the request that shows it.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import schemathesis
from schemathesis.engine import Status, events, from_schema
from sqlalchemy.engine import Engine

from api.main import create_app
from api.settings import Settings
from seed.files import read_content, read_page
from store.load_page import load_page
from tests.conftest import SEED_PAGE, make_token

SITES = Path(__file__).parent.parent / "sites"

EXAMPLES = 100
TESTED_PHASES = {"examples", "coverage", "fuzzing", "stateful"}
LINKED = ("GET /news/{slug}", "PATCH /news/{slug}", "DELETE /news/{slug}")


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    phases: dict[str, Status] = field(default_factory=dict)
    cases: Counter[str] = field(default_factory=Counter)
    stateful_successes: Counter[str] = field(default_factory=Counter)


def _record(report: Report, event: events.ScenarioFinished) -> None:
    recorder = event.recorder
    for node in recorder.cases.values():
        report.cases[node.value.operation.label] += 1
    for case_id, checks in recorder.checks.items():
        for check in checks:
            if check.status == Status.FAILURE and check.failure_info is not None:
                failure = check.failure_info.failure
                report.failures.append(
                    f"{event.label or 'stateful'}: {check.name}: {failure.title}\n"
                    f"{failure.message}\n{check.failure_info.code_sample}"
                )
        interaction = recorder.interactions.get(case_id)
        response = interaction.response if interaction else None
        if event.phase.name == "STATEFUL_TESTING" and response and response.status_code < 300:
            report.stateful_successes[recorder.cases[case_id].value.operation.label] += 1


def run_schemathesis(settings: Settings, engine: Engine, token: str) -> Report:
    config = schemathesis.Config.from_dict(
        {
            "seed": 20250602,
            "generation": {"max-examples": EXAMPLES, "deterministic": True, "database": "none"},
            "headers": {"Authorization": f"Bearer {token}"},
            "suppress-health-check": ["all"],
            # Fuzzing draws slugs for DELETE from items it saw created and stops when none
            # are left; the stateful phase deletes created items, so here it tries any slug.
            "operations": [
                {
                    "include-operation-id": "delete_news",
                    "phases": {"fuzzing": {"extra-data-sources": {"responses": False}}},
                }
            ],
        }
    )
    schema = schemathesis.openapi.from_asgi(
        "/openapi.json", create_app(settings, engine), config=config
    )
    report = Report()
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            _record(report, event)
        elif isinstance(event, events.PhaseFinished):
            report.phases[event.phase.name.value] = event.status
        elif isinstance(event, events.NonFatalError):
            report.errors.append(f"{event.label}: {event.info.format()}")
        elif isinstance(event, events.FatalError):
            report.errors.append(repr(event.exception))
        elif isinstance(event, events.EngineFinished):
            report.failures.extend(str(failure) for failure in event.failures)
    return report


def operations_with_input(settings: Settings, engine: Engine) -> set[str]:
    paths = create_app(settings, engine).openapi()["paths"]
    return {
        f"{method.upper()} {path}"
        for path, item in paths.items()
        for method, operation in item.items()
        if operation.get("parameters") or operation.get("requestBody")
    }


@pytest.fixture
def seeded_with_talks(engine: Engine) -> Engine:
    """The owner's page, with a real site's talks and teaching added, so every list and item
    endpoint has items to serve."""
    page = read_page(SEED_PAGE).page
    site = read_content(SITES / "jp2555").page
    load_page(engine, page.model_copy(update={"talks": site.talks, "teaching": site.teaching}))
    return engine


def test_schemathesis_finds_nothing_in_any_phase(
    tmp_path: Path, settings: Settings, seeded_with_talks: Engine
) -> None:
    seeded = seeded_with_talks
    report = run_schemathesis(settings, seeded, make_token(seeded))
    assert report.failures == []
    assert report.errors == []
    assert {name: report.phases.get(name) for name in TESTED_PHASES} == dict.fromkeys(
        TESTED_PHASES, Status.SUCCESS
    )
    with_input = operations_with_input(settings, seeded)
    assert {label for label in with_input if report.cases[label] < EXAMPLES} == set()
    assert {label for label in LINKED if report.stateful_successes[label] == 0} == set()


def test_created_news_links_to_read_update_and_delete(settings: Settings, engine: Engine) -> None:
    created = create_app(settings, engine).openapi()["paths"]["/news"]["post"]["responses"]["201"]
    assert created["links"] == {
        name: {"operationId": name, "parameters": {"slug": "$response.body#/slug"}}
        for name in ("read_news", "update_news", "delete_news")
    }
