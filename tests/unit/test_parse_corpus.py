"""Every corpus page loads, and its counts match the hand counts in ANNOTATIONS.tsv."""

import csv
from pathlib import Path

import pytest

from seed.files import read_page

CORPUS = Path(__file__).parent.parent / "corpus"


def _annotations() -> list[dict[str, str]]:
    with (CORPUS / "ANNOTATIONS.tsv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t"))


@pytest.mark.parametrize("row", _annotations(), ids=lambda row: row["file"])
def test_corpus_page_counts_match_the_hand_counts(row: dict[str, str]) -> None:
    page = read_page(CORPUS / row["file"]).page
    counts = {
        "owner_name": page.profile.name or "",
        "news": str(len(page.news)),
        "news_dated": str(sum(item.date is not None for item in page.news)),
        "publications": str(len(page.publications)),
        "publications_with_owner_marked": str(
            sum(any(author.is_owner for author in work.authors) for work in page.publications)
        ),
        "projects": str(len(page.projects)),
        "interests": str(len(page.interests)),
    }
    assert counts == {key: row[key] for key in counts}


@pytest.mark.parametrize("path", sorted((CORPUS / "about").glob("*.md")), ids=lambda p: p.name)
def test_corpus_page_serves_no_hidden_or_template_text(path: Path) -> None:
    page = read_page(path).page
    served = page.model_dump_json()
    for marker in ("<!--", "{%", "{{", "[//]:", "<style", "webkit-scrollbar"):
        assert marker not in served
