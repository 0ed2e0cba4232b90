"""CSL-JSON: exact items, rendered by citeproc-py, and served to `Accept` on the plain URLs."""

from pathlib import Path

import citeproc  # type: ignore[import-untyped]
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from tests.formats import seed_formats_page

CSL = "application/vnd.citationstyles.csl+json"
SLUG = "fast-sound-compiling-typed-100-loops"
ITEM = {
    "id": "ruiz2024fast",
    "type": "paper-conference",
    "title": "Fast & Sound: Compiling {Typed} 100% Loops",
    "author": [
        {"family": "Ruiz", "given": "Ana"},
        {"family": "Müller", "given": "Jörg"},
        {"family": "Wei", "given": "Li"},
    ],
    "container-title": "PLDI Conference 2024",
    "issued": {"date-parts": [[2024]]},
    "note": "Ana Ruiz and Jörg Müller contributed equally",
    "URL": "https://arxiv.org/abs/2401.01234",
    "number": "arXiv:2401.01234",
    "custom": {
        "slug": SLUG,
        "featured": True,
        "owner": [1],
        "equal_contribution": [0, 1],
        "corresponding": [2],
    },
}
STYLE = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"


def test_one_publication_is_one_exact_item(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    response = client.get(f"/publications/{SLUG}.csl.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == CSL
    assert response.json() == ITEM


def test_citeproc_renders_the_list_in_a_real_style(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    items = client.get("/publications.csl.json").json()
    # citeproc-py predates CSL-JSON 1.0.2's `custom` object, and warns on it.
    source = CiteProcJSON([{k: v for k, v in item.items() if k != "custom"} for item in items])
    style = CitationStylesStyle(str(STYLE), validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 4
    assert any(
        entry.startswith("Ruiz, A., Müller, J. and Wei, L. (2024)")
        and "PLDI Conference 2024" in entry
        for entry in rendered
    ), rendered


def test_names_split_into_family_and_given(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    item = client.get("/publications/fast-loops-revisited.csl.json").json()
    assert (item["type"], item["author"], item["DOI"]) == (
        "article-journal",
        [{"family": "Müller", "given": "Jörg"}, {"family": "van Beethoven", "given": "Ludwig"}],
        "10.1000/tc.42",
    )


def test_accept_csl_on_plain_urls_and_json_stays_json(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    one = client.get(f"/publications/{SLUG}", headers={"Accept": CSL})
    assert (one.headers["content-type"], one.json()) == (CSL, ITEM)
    plain = client.get(f"/publications/{SLUG}")
    assert plain.headers["content-type"] == "application/json"
    assert plain.json()["slug"] == SLUG
    listed = client.get("/publications?featured=true", headers={"Accept": f"{CSL}, */*;q=0.1"})
    assert (listed.headers["content-type"], listed.json()) == (CSL, [ITEM])
    assert listed.headers["x-total-count"] == "1"
