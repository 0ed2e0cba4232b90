"""The importer on the corpus, scored against its goldens (bench.corpus): no page may get worse.

`tests/corpus/floors.json` holds each page's fields right and whether its counts are exact;
raise a floor when the reader gets better, never lower one.
"""

import json
from pathlib import Path

import pytest

from bench.corpus import CORPUS, score_corpus

FLOORS = json.loads((Path(__file__).parent.parent / "corpus" / "floors.json").read_text())


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[int, int, bool]]:
    return {r.name: (r.right, r.checked, r.counts_exact) for r in score_corpus()}


def test_every_golden_page_has_a_floor() -> None:
    assert sorted(FLOORS) == sorted(path.stem for path in (CORPUS / "golden").glob("*.json"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_no_corpus_page_scores_below_its_floor(
    name: str, results: dict[str, tuple[int, int, bool]]
) -> None:
    right, checked, counts_exact = results[name]
    floor = FLOORS[name]
    assert checked == floor["checked"]
    assert right >= floor["right"]
    assert counts_exact or not floor["counts_exact"]
