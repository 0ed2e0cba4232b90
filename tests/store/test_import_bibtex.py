"""`homepage import bibtex`: ordered, marked authors; typed links; re-imports update by
citation key and never touch what the page or the API owns."""

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from api.settings import get_settings
from cli import app
from schemas.common import Source
from schemas.publication import Publication
from seed.files import read_page
from seed.parse_bibtex import parse_bibtex
from store.load_bibtex import load_bibtex
from store.load_page import load_page
from tests.conftest import SEED_PAGE

BIB = r"""
@inproceedings{gao2024graph,
  title = {A Graph is Worth {K} Words: Euclideanizing Graph using Pure Transformer},
  author = {Gao, Zhangyang$^*$ and \textbf{Dong, Daize}$^*$ and Tan, Cheng and M{\"u}ller, J{\"o}rg$^\dagger$},
  booktitle = {ICML},
  year = {2024},
  eprint = {2402.02464}, archivePrefix = {arXiv},
  code = {https://github.com/example/gt},
}
@article{he2024towards,
  title = {Towards Efficient Mixture of Experts},
  author = {He, Shwai and Dong, Daize and Ding, Liang},
  author+an = {1=equal; 2=equal; 3=corresponding},
  journal = {Transactions on Machine Learning Research},
  date = {2024-06-01},
  doi = {10.1234/tmlr.5678},
  note = {Oral},
}
@misc{broken,
  title = {unclosed
@misc{untitled, author = {Someone Else}}
"""  # noqa: E501


def author_marks(key: str) -> list[tuple[str, bool, bool, bool]]:
    entries, _ = parse_bibtex("refs.bib", BIB, owner="Daize Dong")
    work = next(entry.work for entry in entries if entry.key == key)
    return [(a.name, a.is_owner, a.equal_contribution, a.corresponding) for a in work.authors]


def test_bibtex_authors_keep_order_and_marks() -> None:
    assert author_marks("gao2024graph") == [
        ("Zhangyang Gao", False, True, False),
        ("Daize Dong", True, True, False),
        ("Cheng Tan", False, False, False),
        ("Jörg Müller", False, False, True),
    ]
    assert author_marks("he2024towards") == [
        ("Shwai He", False, True, False),
        ("Daize Dong", True, True, False),
        ("Liang Ding", False, False, True),
    ]


def test_bibtex_fields_become_typed_publication_fields() -> None:
    entries, warnings = parse_bibtex("refs.bib", BIB, owner="Daize Dong")
    works = {entry.key: entry.work for entry in entries}
    assert list(works) == ["gao2024graph", "he2024towards"]
    gao, he = works["gao2024graph"], works["he2024towards"]
    assert (gao.title, gao.venue, gao.year, gao.group) == (
        "A Graph is Worth K Words: Euclideanizing Graph using Pure Transformer",
        "ICML",
        2024,
        "Conference",
    )
    assert [(link.kind, link.url) for link in gao.links] == [
        ("paper", "https://arxiv.org/abs/2402.02464"),
        ("code", "https://github.com/example/gt"),
    ]
    assert (he.venue, he.year, he.note, he.group) == (
        "Transactions on Machine Learning Research", 2024, "Oral", "Journal"
    )  # fmt: skip
    assert [link.url for link in he.links] == ["https://doi.org/10.1234/tmlr.5678"]
    assert [str(warning) for warning in warnings] == [
        "refs.bib:19: BibTeX entry cannot be read; skipped",
        "refs.bib:21: untitled has no title",
    ]


def bibtex_rows(engine: Engine) -> dict[str, tuple[str, str | None, int]]:
    with Session(engine) as session:
        rows = session.exec(select(Publication).where(col(Publication.source) == Source.bibtex))
        return {row.slug: (row.title, row.venue, row.id or 0) for row in rows}


def test_reimport_updates_by_citation_key_and_page_reseed_keeps_imports(seeded: Engine) -> None:
    entries, _ = parse_bibtex("refs.bib", BIB, owner="Daize Dong")
    first = load_bibtex(seeded, entries)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    before = bibtex_rows(seeded)

    again = load_bibtex(seeded, parse_bibtex("refs.bib", BIB, owner="Daize Dong")[0])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)

    edited = BIB.replace("booktitle = {ICML}", "booktitle = {ICML 2024 (Spotlight)}")
    changed = load_bibtex(seeded, parse_bibtex("refs.bib", edited, owner="Daize Dong")[0])
    assert (changed.added, changed.updated) == (0, 1)
    after = bibtex_rows(seeded)
    assert after["gao2024graph"][1:] == ("ICML 2024", before["gao2024graph"][2])

    load_page(seeded, read_page(SEED_PAGE).page)
    assert bibtex_rows(seeded) == after


def test_import_never_overwrites_a_publication_written_through_the_api(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Publication(slug="he2024towards", title="Mine", source=Source.api))
        session.commit()
    summary = load_bibtex(engine, parse_bibtex("refs.bib", BIB)[0])
    assert summary.skipped == ["he2024towards"]
    with Session(engine) as session:
        row = session.exec(select(Publication).where(col(Publication.slug) == "he2024towards"))
        assert [(r.title, r.source) for r in row] == [("Mine", Source.api)]


def test_import_command_reports_and_exits_1_on_a_missing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOMEPAGE_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["import", "bibtex", str(bib), "--owner", "Daize Dong"])
    assert result.exit_code == 0, result.stderr
    assert f"{bib}:19: BibTeX entry cannot be read; skipped" in result.stderr
    missing = runner.invoke(app, ["import", "bibtex", str(tmp_path / "none.bib")])
    assert missing.exit_code == 1
    assert "none.bib: no such file" in missing.stderr
    get_settings.cache_clear()
