"""BibTeX export: valid entries that bibtexparser reads back, stable keys, marks kept."""

import logging

from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from seed.parse_bibtex import parse_bibtex
from tests.formats import seed_formats_page

SLUG = "fast-sound-compiling-typed-100-loops"

ENTRY = r"""@inproceedings{ruiz2024fast,
  title = {Fast {\&} Sound: Compiling {\{}Typed{\}} 100{\%} Loops},
  author = {Ruiz, Ana and M{\"u}ller, J{\"o}rg and Wei, Li},
  booktitle = {PLDI Conference 2024},
  year = {2024},
  note = {Ana Ruiz and J{\"o}rg M{\"u}ller contributed equally},
  author+an = {1=equal; 2=highlight,equal; 3=corresponding},
  eprint = {2401.01234},
  archivePrefix = {arXiv},
  url = {https://arxiv.org/abs/2401.01234},
  code = {https://github.com/jmueller/loops}
}
"""


def parsed(text: str) -> Library:
    library = parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors(), SplitNameParts()]
    )
    assert library.failed_blocks == []
    return library


def test_one_publication_is_one_exact_entry(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    response = client.get(f"/publications/{SLUG}.bib")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-bibtex"
    assert response.text == ENTRY


def test_entries_read_back_with_types_from_the_venue(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    library = parsed(client.get("/publications.bib").text)
    assert [(e.entry_type, e.key) for e in library.entries] == [
        ("inproceedings", "ruiz2024fast"),
        ("article", "muller2024fast"),
        ("article", "muller2024fastb"),
        ("misc", "mullerloops"),
    ]
    first = library.entries[0]
    assert first["title"] == "Fast & Sound: Compiling {Typed} 100% Loops"
    assert [(n.last, n.first) for n in first["author"]] == [
        (["Ruiz"], ["Ana"]),
        (["Müller"], ["Jörg"]),
        (["Wei"], ["Li"]),
    ]
    second = library.entries[1]
    assert [(n.von, n.last, n.first) for n in second["author"]] == [
        ([], ["Müller"], ["Jörg"]),
        (["van"], ["Beethoven"], ["Ludwig"]),
    ]
    assert (second["journal"], second["doi"]) == ("Transactions on Compilers 2024", "10.1000/tc.42")
    assert library.entries[3]["howpublished"] == "arXiv preprint"


def test_keys_are_the_same_in_every_listing(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    alone = parsed(client.get("/publications/fast-kernels.bib").text).entries
    filtered = parsed(client.get("/publications.bib?q=kernels").text).entries
    assert [e.key for e in alone] == [e.key for e in filtered] == ["muller2024fastb"]


def test_list_honours_filters_and_empty_is_empty(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    assert [e.key for e in parsed(client.get("/publications.bib?featured=true").text).entries] == [
        "ruiz2024fast"
    ]
    response = client.get("/publications.bib?year=1999")
    assert (response.status_code, response.text) == (200, "")


def test_our_own_importer_reads_the_marks_back(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)
    entries, warnings = parse_bibtex("export.bib", client.get("/publications.bib").text)
    assert warnings == []
    exported = [
        {"title": e.work.title, "authors": [a.model_dump() for a in e.work.authors]}
        for e in entries
    ]
    served = [
        {"title": p["title"], "authors": p["authors"]} for p in client.get("/publications").json()
    ]
    assert exported == served


def test_unknown_slug_is_404(engine: Engine, client: TestClient) -> None:
    response = client.get("/publications/no-such-thing.bib")
    assert response.status_code == 404
    assert response.json() == {"detail": "Publication 'no-such-thing' not found"}


def test_accept_bibtex_on_the_plain_url(engine: Engine, client: TestClient) -> None:
    seed_formats_page(engine)
    response = client.get(f"/publications/{SLUG}", headers={"Accept": "application/x-bibtex"})
    assert response.headers["content-type"] == "application/x-bibtex"
    assert response.text == ENTRY
