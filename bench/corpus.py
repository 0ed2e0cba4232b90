"""Score the importer against the corpus goldens, field by field, as tests/corpus/GOLDEN.md says.

    .venv/bin/python -m bench.corpus [--pages 05_x 12_y] [--json] [--show-misses]
    .venv/bin/python -m bench.corpus --raise-floors   # after an improvement: pin it

Each page is seeded into a fresh SQLite database and read back through the API
(`/profile`, `/interests`, `/news`, `/publications`, `/projects`, `/sections`); every field of
its golden is compared with what is served. The table gives, per page, the fields right out
of those checked and whether the numbers of news items, publications and projects are exact;
the last line pools every field of every page.
"""

import argparse
import csv
import html
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import ROOT, Settings
from seed.files import read_page
from store.engine import make_engine
from store.load_page import load_page
from store.schema import check_schema

CORPUS = ROOT / "tests" / "corpus"
READS = ("/profile", "/interests", "/news", "/publications", "/projects", "/sections")
ABOUT_HEADINGS = {"about", "about me", "biography", "bio", "short bio", "introduction"}
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]*>")
_MARKS = re.compile(r"[*_`~]+")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")

Json = Any


def reader_text(value: str | None) -> str:
    """Text as a reader sees it: links as their text, no tags or emphasis marks, entities
    decoded, no symbols, NFKC, case and runs of spaces ignored, no punctuation at the ends."""
    if value is None:
        return ""
    text = _MD_LINK.sub(r"\1", value)
    text = html.unescape(_TAG.sub(" ", text))
    text = _MARKS.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cn", "Co"))
    text = unicodedata.normalize("NFKC", text).casefold()
    return _EDGE_PUNCT.sub("", _SPACES.sub(" ", text).strip())


def similarity(a: str | None, b: str | None) -> float:
    left, right = reader_text(a), reader_text(b)
    if left == right:
        return 1.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


@dataclass
class Score:
    right: int = 0
    checked: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        self.checked += 1
        self.right += ok
        if not ok:
            self.misses.append(what)

    @property
    def ratio(self) -> float:
        return self.right / self.checked if self.checked else 1.0


def pair(
    golden: Sequence[Json], served: Sequence[Json], key: Callable[[Json], str]
) -> list[Json | None]:
    """For each golden item in order, the most similar unpaired served item (>= 0.6)."""
    free = list(range(len(served)))
    partners: list[Json | None] = []
    for item in golden:
        best, best_score = None, 0.6
        for index in free:
            score = similarity(key(item), key(served[index]))
            if score >= best_score and (best is None or score > best_score):
                best, best_score = index, score
        if best is None:
            partners.append(None)
        else:
            free.remove(best)
            partners.append(served[best])
    return partners


_AUTHOR_MARKS = re.compile(r"^(\*\*)?(.*?)(\*\*)?([*†]*)$")


def golden_author(written: str) -> tuple[str, tuple[bool, bool, bool]]:
    """`**Name***†` → the name, and its (owner, equal, corresponding) marks."""
    text = written.strip()
    owner = text.startswith("**")
    if owner:
        text = text[2:]
        closing = text.find("**")
        name, rest = (text[:closing], text[closing + 2 :]) if closing >= 0 else (text, "")
    else:
        stripped = text.rstrip("*†")
        name, rest = stripped, text[len(stripped) :]
    return name, (owner, "*" in rest, "†" in rest)


def _links(urls: Sequence[str]) -> set[str]:
    return {url.rstrip("/") for url in urls if url.startswith(("http://", "https://"))}


def score_work(score: Score, golden: Json, served: Json | None, kind: str) -> None:
    label = f"{kind} {golden['title'][:50]!r}"
    if served is None:
        for name in ("title", "authors", "marks", "venue", "year", "note", "links"):
            score.check(False, f"{label}: not found ({name})")
        return
    score.check(
        similarity(golden["title"], served["title"]) >= 0.97, f"{label}: title {served['title']!r}"
    )
    names = [golden_author(author) for author in golden["authors"]]
    served_names = [reader_text(author["name"]) for author in served["authors"]]
    score.check(
        [reader_text(name) for name, _ in names] == served_names,
        f"{label}: authors {[a['name'] for a in served['authors']]}",
    )
    served_marks = [
        (a["is_owner"], a["equal_contribution"], a["corresponding"]) for a in served["authors"]
    ]
    score.check([marks for _, marks in names] == served_marks, f"{label}: marks {served_marks}")
    venues = golden["venue"] if isinstance(golden["venue"], list) else [golden["venue"]]
    score.check(
        any(reader_text(v) == reader_text(served["venue"]) for v in venues)
        if served["venue"] is not None
        else None in venues,
        f"{label}: venue {served['venue']!r}",
    )
    score.check(golden["year"] == served["year"], f"{label}: year {served['year']!r}")
    score.check(
        reader_text(golden["note"]) == reader_text(served["note"]),
        f"{label}: note {served['note']!r}",
    )
    served_urls = [link["url"] for link in served["links"]]
    score.check(_links(golden["links"]) == _links(served_urls), f"{label}: links {served_urls}")


def _date_matches(golden: str | None, served: Json) -> bool:
    if golden is None:
        return served["date"] is None
    if served["date"] is None:
        return False
    precision = {4: "year", 7: "month", 10: "day"}[len(golden)]
    return bool(served["date"].startswith(golden) and served["date_precision"] == precision)


def score_page(golden: Json, served: dict[str, Json]) -> tuple[Score, bool]:
    """The page's score and whether its news, publication and project counts are exact."""
    score = Score()
    profile = served["/profile"] if isinstance(served["/profile"], dict) else {}
    owner = profile.get("name")
    score.check(reader_text(golden["owner"]) == reader_text(owner), f"owner {owner!r}")
    counts_exact = True
    for kind in ("interests", "news", "publications", "projects"):
        ok = len(golden[kind]) == len(served[f"/{kind}"])
        score.check(
            ok, f"{kind}: {len(served[f'/{kind}'])} served, {len(golden[kind])} on the page"
        )
        if kind != "interests":
            counts_exact &= ok
    for item, partner in zip(
        golden["interests"],
        pair(golden["interests"], served["/interests"], lambda i: i["area"]),
        strict=False,
    ):
        label = f"interest {item['area'][:40]!r}"
        score.check(partner is not None, f"{label}: not found")
        score.check(
            partner is not None
            and [reader_text(t) for t in item["topics"]]
            == [reader_text(t) for t in partner["topics"]],
            f"{label}: topics {partner['topics'] if partner else None}",
        )
    for item, partner in zip(
        golden["news"], pair(golden["news"], served["/news"], lambda n: n["text"]), strict=False
    ):
        label = f"news {item['text'][:40]!r}"
        if partner is None:
            score.check(False, f"{label}: not found (date)")
            score.check(False, f"{label}: not found (text)")
            continue
        score.check(
            _date_matches(item["date"], partner),
            f"{label}: date {partner['date']} {partner['date_precision']}",
        )
        score.check(
            similarity(item["text"], partner["text"]) >= 0.9,
            f"{label}: text {partner['text'][:60]!r}",
        )
    for kind in ("publications", "projects"):
        for item, partner in zip(
            golden[kind], pair(golden[kind], served[f"/{kind}"], lambda w: w["title"]), strict=False
        ):
            score_work(score, item, partner, kind[:-1])
    titles = {reader_text(section["title"]) for section in served["/sections"]}
    has_biography = bool(profile.get("biography"))
    for title in golden["sections"]:
        seen = reader_text(title)
        score.check(
            seen in titles or (seen in ABOUT_HEADINGS and has_biography), f"section {title!r}"
        )
    everything = reader_text(json.dumps(served, ensure_ascii=False))
    for phrase in golden["hidden"]:
        score.check(reader_text(phrase) not in everything, f"hidden {phrase!r} is served")
    return score, counts_exact


def serve_page(path: Path, template: Path) -> dict[str, Json]:
    """Seed the page into a fresh copy of a migrated SQLite file and read every list back
    through the API."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "corpus.db"
        shutil.copyfile(template, database)
        settings = Settings(database_url=f"sqlite:///{database}", content=path)
        engine = make_engine(settings.database_url)
        check_schema(engine)
        load_page(engine, read_page(path).page)
        with TestClient(create_app(settings, engine)) as client:
            return {read: client.get(read, params={"limit": 1000}).json() for read in READS}


@dataclass(frozen=True)
class PageResult:
    name: str
    right: int
    checked: int
    counts_exact: bool
    misses: list[str]


def score_corpus(names: Sequence[str] = ()) -> list[PageResult]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "migrated.db"
        engine = make_engine(f"sqlite:///{template}")
        check_schema(engine)
        engine.dispose()
        for golden_path in sorted((CORPUS / "golden").glob("*.json")):
            if names and golden_path.stem not in names:
                continue
            golden = json.loads(golden_path.read_text(encoding="utf-8"))
            served = serve_page(CORPUS / golden["file"], template)
            score, exact = score_page(golden, served)
            results.append(
                PageResult(golden_path.stem, score.right, score.checked, exact, score.misses)
            )
    return results


FLOORS = CORPUS / "floors.json"


def hand_counts(row: dict[str, str]) -> dict[str, str]:
    """What the parser reads of a page, in the columns of ANNOTATIONS.tsv."""
    page = read_page(CORPUS / row["file"]).page
    return {
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


def annotations() -> list[dict[str, str]]:
    with (CORPUS / "ANNOTATIONS.tsv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def raise_floors(results: Sequence[PageResult]) -> None:
    """Pin every page at least where it is now; a floor only ever goes up."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    exact_counts = {
        Path(row["file"]).stem: hand_counts(row) == {k: row[k] for k in hand_counts(row)}
        for row in annotations()
    }
    for r in results:
        old = floors.get(r.name, {"right": 0, "counts_exact": False, "hand_counts": False})
        floors[r.name] = {
            "right": max(old["right"], r.right),
            "checked": r.checked,
            "counts_exact": old["counts_exact"] or r.counts_exact,
            "hand_counts": old["hand_counts"] or exact_counts[r.name],
        }
    FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", default=[], help="Only these pages (file stems).")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    parser.add_argument("--show-misses", action="store_true", help="List each wrong field.")
    parser.add_argument("--raise-floors", action="store_true", help="Pin today's scores.")
    args = parser.parse_args(argv)
    results = score_corpus(args.pages)
    if args.raise_floors:
        raise_floors(results)
    if args.json:
        json.dump([result.__dict__ for result in results], sys.stdout, indent=2)
        return
    print("| page | fields right | checked | % | counts exact |")
    print("|---|---|---|---|---|")
    for r in results:
        exact = "yes" if r.counts_exact else "no"
        print(f"| {r.name} | {r.right} | {r.checked} | {100 * r.right / r.checked:.0f} | {exact} |")
        if args.show_misses:
            for miss in r.misses:
                print(f"|   | {miss} | | | |")
    right = sum(r.right for r in results)
    checked = sum(r.checked for r in results)
    per_page = sum(r.right / r.checked for r in results) / len(results)
    exact_pages = sum(r.counts_exact for r in results)
    print(
        f"\nPooled: {right}/{checked} fields right ({100 * right / checked:.1f} %); "
        f"per page on average {100 * per_page:.1f} %; "
        f"counts exact on {exact_pages}/{len(results)} pages."
    )


if __name__ == "__main__":
    main()
