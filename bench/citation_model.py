"""Does a small learned CRF read citation fields better than the hand-written rules?

    .venv/bin/python -m bench.citation_model [--per-page] [--show-misses] [--show-unaligned]
                                             [--rules-at COMMIT|none]

An experiment, not part of the importer (about 30 s on two cores). It reads every corpus page
as the importer does (`seed.recognise.sections.outline_page`, then
`seed.recognise.work_entries.section_entries` and `work_merge.merged` per section) and pairs
each golden publication with the unused entry whose text holds its title as
`bench.corpus.reader_text` sees it (entries of publication sections first, then of other
sections, then of news; the shortest), else the entry most like it (0.8 or more).

Labels. An entry's runs are cut into tokens (a word, or one other character), each keeping its
run's markup. The golden fields are aligned to the tokens by their letters and digits (NFKC,
case-folded; exact, else the most similar window at 85 % or more), never twice on one token:
the title, then each author in order, then the first venue form found, the note, the year.
Tokens inside a field's span take its label (`TITLE`, `AUTHOR`, `VENUE`, `NOTE`, `YEAR`; a year
printed inside the venue stays `VENUE`); what stands between two authors, or marks the last one
(`*`, `†`, a superscript), is `SEP`; everything else is `O`. Only entries whose every golden
field was found train a model; every paired entry is tested.

Features. Per token: the lower-cased word (and the next one), shape, length, markup (bold,
italic, code, superscript, link, badge) and where it changes, capitals, digits, year shapes,
punctuation, initials, name particles, venue words, months, `et al.`, author marks, whether it
is a word of the owner's name as the importer reads it (`profile.name`, never the golden's),
bracket depth, its run (length, first/last), its line (index, distance from the line that reads
most like a list of names, position, first/last) and its place in the entry; per line: the
shares of bold, italic, linked and capitalised words, commas per word, length, the markup it
opens with; and the main features of the two tokens either side.

Method. Leave one page out: for each page with publications, a CRF (python-crfsuite, L-BFGS,
c1=0.1, c2=0.01, 200 iterations: fixed, not tuned on held-out pages) is trained on the clean
entries of the other 38 pages and tags the held-out page's entries. Fields are rebuilt from the
tags: the title is the longest `TITLE` span, each `AUTHOR` span is one author (marks stripped),
the venue is the longest `VENUE` span, the year the first `YEAR` token, else the last year in
the venue. The rules are `seed.recognise.entry.parse_entry` on the very same entries, prepared
as `parse_works` prepares them (featured mark and opening period taken out); both get the year
of a year sub-heading when they state none, as `parse_works` does. "both" keeps the rules'
fields and takes the CRF's only where the rules leave one empty. Every field is judged by
`bench.corpus.score_work` itself, so a number here means what it means in the corpus score. The
sign test counts the entries where only one reader has a field right (entries of one page are
not independent, so read it as a rough guide).

References printed after the table: the labels themselves rebuilt into fields (the ceiling the
labelling and rebuilding allow), the CRF trained and tested on every page (in-sample), the
whole importer today (`parse_source`), and, since today's rules were written while looking at
these very pages, the importer of an earlier commit (`--rules-at`, by default the one before
pages 40-63 joined the corpus, run from a `git archive` of its `seed` and `schemas`) on the
pages it had never seen, next to today's rules and the CRF on the same pages.

Nothing here is random: L-BFGS is deterministic, and pages, entries and features come in a
fixed order, so two runs print the same numbers for the same `seed` package on disk.
"""

import argparse
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pycrfsuite  # type: ignore[import-untyped]

from bench.corpus import CORPUS, Score, golden_author, pair, reader_text, score_work, similarity
from seed.document.front_matter import PageSource, read_page_source
from seed.document.inline import Run
from seed.parse_page import parse_source
from seed.recognise.citation import clean_field
from seed.recognise.entry import parse_entry, without_period
from seed.recognise.featured import without_featured_mark
from seed.recognise.headings import SectionKind
from seed.recognise.hints import read_hints
from seed.recognise.sections import outline_page
from seed.recognise.work_entries import Entry, section_entries
from seed.recognise.work_merge import merged

Json = Any
FIELDS = ("title", "authors", "venue", "year")
WORK_CHECKS = ("title", "authors", "marks", "venue", "year", "note", "links")
"""The order in which `bench.corpus.score_work` checks a work's fields."""
CRF_PARAMS: dict[str, float | bool] = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}
RULES_BEFORE_PAGES = "69e4e15~1"
"""The last commit before pages 40-63 joined the corpus (with `bench.corpus`)."""
FUZZY = 0.85
"""How similar a window of tokens must be to a golden field that is not printed exactly."""

_TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*|\S")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SHORT_YEAR = re.compile(r"(?<=[A-Za-z])\s?['’](\d\d)(?!\d)")
_GROUP_YEAR = re.compile(r"^(?:year\s+|in\s+)?((?:19|20)\d\d)$", re.IGNORECASE)
_AUTHOR_EDGE = "*∗＊⁎⚖#†‡✉★^,;:.·•0123456789¹²³⁴⁵⁶⁷⁸⁹⁰ \u00a0\ufe0f\u200d"
_MARKS = frozenset("*∗＊⁎⚖#†‡✉★^")
VENUE_WORDS = frozenset(
    "conference journal proceedings proc workshop transactions symposium letters arxiv preprint "
    "review findings annual international ieee acm springer elsevier nature science society "
    "association meeting volume vol pp pages press submission submitted accepted appear "
    "manuscript preparation under in".split()
)
PARTICLES = frozenset(
    "van von de der den da di del della du le la bin al el dos das ter y zu".split()
)
MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december".split()
)
OPENING = frozenset("([{（【")
CLOSING = frozenset(")]}）】")


def key(text: str) -> str:
    """A token as the alignment compares it: its letters and digits, NFKC, case-folded."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    run: Run
    line: int
    key: str


def tokens_of(runs: Sequence[Run]) -> tuple[str, list[Token]]:
    """The entry's text and its tokens; a token never spans two runs."""
    tokens: list[Token] = []
    offset = 0
    line = 0
    parts: list[str] = []
    for run in runs:
        for match in _TOKEN.finditer(run.text):
            start = offset + match.start()
            line_here = line + run.text.count("\n", 0, match.start())
            text = match.group()
            tokens.append(Token(text, start, start + len(text), run, line_here, key(text)))
        line += run.text.count("\n")
        offset += len(run.text)
        parts.append(run.text)
    return "".join(parts), tokens


# --- fields -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fields:
    title: str | None
    authors: tuple[str, ...]
    venue: str | None
    year: int | None

    def served(self) -> Json:
        """The fields as `bench.corpus.score_work` expects a served work."""
        return {
            "title": self.title or "",
            "authors": [
                {
                    "name": name,
                    "is_owner": False,
                    "equal_contribution": False,
                    "corresponding": False,
                }
                for name in self.authors
            ],
            "venue": self.venue,
            "year": self.year,
            "note": None,
            "links": [],
        }

    def filled_from(self, other: "Fields") -> "Fields":
        """These fields, with `other`'s where these are empty."""
        return Fields(
            self.title or other.title,
            self.authors or other.authors,
            self.venue if self.venue is not None else other.venue,
            self.year if self.year is not None else other.year,
        )


class _Recorded(Score):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[bool] = []

    def check(self, ok: bool, what: str) -> None:
        super().check(ok, what)
        self.results.append(bool(ok))


def field_results(golden: Json, served: Json | None) -> dict[str, bool]:
    """Which of title, authors, venue and year `bench.corpus.score_work` counts right."""
    score = _Recorded()
    score_work(score, golden, served, "publication")
    assert len(score.results) == len(WORK_CHECKS)
    return {name: ok for name, ok in zip(WORK_CHECKS, score.results, strict=True) if name in FIELDS}


# --- entries and labels -----------------------------------------------------------------------


@dataclass
class Example:
    page: str
    golden: Json
    text: str
    tokens: list[Token]
    owner_words: frozenset[str]
    group: str | None
    rules: Fields
    labels: list[str] = field(default_factory=list)
    unaligned: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.unaligned


_SECTION_RANK = {SectionKind.publications: 0, SectionKind.projects: 1, SectionKind.other: 1}


def page_entries(source: PageSource) -> list[tuple[int, Entry]]:
    """Every entry of every section (the introduction too), with its section's rank for pairing."""
    intro, sections = outline_page(source.body, read_hints(source).kind_of)
    return [
        (_SECTION_RANK.get(section.kind, 2), entry)
        for section in [intro, *sections]
        for entry in merged(section_entries(section))
    ]


def rules_fields(runs: list[Run], group: str | None) -> Fields:
    """`parse_entry` on the entry as `parse_works` hands it over."""
    work = parse_entry(without_period(without_featured_mark(runs)[0]), group=group)
    if work is None:
        return Fields(None, (), None, None)
    return Fields(work.title, tuple(a.name for a in work.authors), work.venue, work.year)


def group_year(group: str | None) -> int | None:
    """The year a year sub-heading (`### 2024`) states."""
    year = _GROUP_YEAR.match(group.strip()) if group else None
    return int(year.group(1)) if year else None


def with_group_year(fields: Fields, group: str | None) -> Fields:
    """A work that states no year has its sub-heading's, as in `parse_works`."""
    if fields.year is None and (year := group_year(group)) is not None:
        return Fields(fields.title, fields.authors, fields.venue, year)
    return fields


def field_keys(value: str) -> list[str]:
    return [k for k in (key(m.group()) for m in _TOKEN.finditer(reader_text(value))) if k]


class Aligner:
    """Finds golden field strings among an entry's content tokens, never on a taken token."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.content = [i for i, token in enumerate(tokens) if token.key]
        self.keys = [tokens[i].key for i in self.content]
        self.taken: set[int] = set()

    def _free(self, first: int, last: int) -> bool:
        """Whether content positions first..last (and the tokens between them) are free."""
        return not any(i in self.taken for i in range(self.content[first], self.content[last] + 1))

    def find(self, value: str, start: int = 0) -> tuple[int, int, bool] | None:
        """The token range (first, last) of `value` at or after content position `start`
        (exact, else fuzzy), and whether it was fuzzy."""
        wanted = field_keys(value)
        if not wanted or not self.keys:
            return None
        size = len(wanted)
        for first in range(start, len(self.keys) - size + 1):
            if self.keys[first : first + size] == wanted and self._free(first, first + size - 1):
                return self.content[first], self.content[first + size - 1], False
        joined = "".join(wanted)
        best: tuple[float, int, int] | None = None
        for length in range(max(1, size - 2), size + 3):
            for first in range(start, len(self.keys) - length + 1):
                window = "".join(self.keys[first : first + length])
                if abs(len(window) - len(joined)) > 0.3 * len(joined) + 2:
                    continue
                ratio = SequenceMatcher(None, window, joined, autojunk=False).ratio()
                better = ratio >= FUZZY and (best is None or ratio > best[0])
                if better and self._free(first, first + length - 1):
                    best = (ratio, first, first + length - 1)
        if best is None:
            return None
        return self.content[best[1]], self.content[best[2]], True

    def after(self, token: int) -> int:
        """The first content position after a token."""
        return next((i for i, t in enumerate(self.content) if t > token), len(self.content))

    def take(self, first: int, last: int, label: str, labels: list[str]) -> None:
        for i in range(first, last + 1):
            self.taken.add(i)
            labels[i] = label


def is_mark(token: Token) -> bool:
    return token.text in _MARKS or (token.run.sup and len(token.text) <= 3)


def label(example: Example) -> None:
    """Tag the example's tokens from its golden fields (see the module docstring)."""
    golden, tokens = example.golden, example.tokens
    labels = ["O"] * len(tokens)
    aligner = Aligner(tokens)

    def place(value: str, tag: str, name: str, start: int = 0) -> tuple[int, int] | None:
        found = aligner.find(value, start)
        if found is None and start:
            found = aligner.find(value)
        if found is None:
            example.unaligned.append(name)
            return None
        first, last, fuzzy = found
        if fuzzy:
            example.fuzzy.append(name)
        aligner.take(first, last, tag, labels)
        return first, last

    place(golden["title"], "TITLE", "title")
    spans: list[tuple[int, int]] = []
    for written in golden["authors"]:
        name = golden_author(written)[0]
        start = aligner.after(spans[-1][1]) if spans else 0
        span = place(name, "AUTHOR", f"author {name!r}", start)
        if span is not None:
            spans.append(span)
    ordered = sorted(spans)
    for (_, end), (start, _) in itertools.pairwise(ordered):
        for i in range(end + 1, start):
            if i not in aligner.taken and labels[i] == "O":
                labels[i] = "SEP"
    if ordered:
        i = ordered[-1][1] + 1
        while i < len(tokens) and i not in aligner.taken and is_mark(tokens[i]):
            labels[i] = "SEP"
            i += 1
    venues = golden["venue"] if isinstance(golden["venue"], list) else [golden["venue"]]
    forms = [v for v in venues if v]
    if forms:
        exact = [found for v in forms if (found := aligner.find(v)) and not found[2]]
        found = exact[0] if exact else next(filter(None, (aligner.find(v) for v in forms)), None)
        if found is None:
            example.unaligned.append("venue")
        else:
            if found[2]:
                example.fuzzy.append("venue")
            aligner.take(found[0], found[1], "VENUE", labels)
    if golden["note"]:
        place(golden["note"], "NOTE", "note")
    if golden["year"] is not None:
        year = str(golden["year"])
        venue = " ".join(t.text for t, tag in zip(tokens, labels, strict=True) if tag == "VENUE")
        free = [i for i, t in enumerate(tokens) if t.text == year and i not in aligner.taken]
        if free:
            labels[free[0]] = "YEAR"
        elif not (
            year in _YEAR.findall(venue)
            or _SHORT_YEAR.search(venue)
            or group_year(example.group) == golden["year"]
        ):
            example.unaligned.append("year")
    example.labels = labels


def partner_entry(
    title: str, entries: Sequence[tuple[int, Entry]], texts: Sequence[str], used: set[int]
) -> int | None:
    """The unused entry that holds the title (of the best-ranked section, the shortest), else
    the one most like it (at least 0.8)."""
    wanted = reader_text(title)
    free = [i for i in range(len(entries)) if i not in used]
    holding = [(entries[i][0], len(texts[i]), i) for i in free if wanted and wanted in texts[i]]
    if holding:
        return min(holding)[2]
    alike = [(similarity(wanted, texts[i]), -i) for i in free]
    best = max(alike, default=(0.0, 0))
    return -best[1] if best[0] >= 0.8 else None


def read_examples() -> tuple[list[Example], dict[str, list[dict[str, bool]]]]:
    """The paired entries of every page, labelled; and per page the whole importer's field
    results for each golden publication, for reference."""
    examples: list[Example] = []
    pipeline: dict[str, list[dict[str, bool]]] = {}
    for golden_path in sorted((CORPUS / "golden").glob("*.json")):
        page = json.loads(golden_path.read_text(encoding="utf-8"))
        path = CORPUS / page["file"]
        source = read_page_source(str(path), path.read_text(encoding="utf-8"))
        parsed = parse_source(source).page
        served = [work.model_dump(mode="json") for work in parsed.publications]
        pipeline[golden_path.stem] = [
            field_results(golden, partner)
            for golden, partner in zip(
                page["publications"],
                pair(page["publications"], served, lambda w: w["title"]),
                strict=True,
            )
        ]
        owner = frozenset(key(word) for word in (parsed.profile.name or "").split()) - {""}
        entries = page_entries(source)
        texts = [reader_text("".join(run.text for run in e.runs)) for _, e in entries]
        used: set[int] = set()
        for golden in page["publications"]:
            index = partner_entry(golden["title"], entries, texts, used)
            if index is None:
                continue
            used.add(index)
            entry = entries[index][1]
            text, tokens = tokens_of(entry.runs)
            example = Example(
                page=golden_path.stem,
                golden=golden,
                text=text,
                tokens=tokens,
                owner_words=owner,
                group=entry.group,
                rules=with_group_year(rules_fields(entry.runs, entry.group), entry.group),
            )
            label(example)
            examples.append(example)
    return examples, pipeline


# --- features ---------------------------------------------------------------------------------


def shape(text: str) -> str:
    out: list[str] = []
    for ch in text:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


def _bucket(value: float, edges: Sequence[float]) -> str:
    return str(sum(value >= edge for edge in edges))


def token_features(token: Token, owner: frozenset[str]) -> dict[str, str | float]:
    """The token's own features, without position (those need the entry)."""
    text, run = token.text, token.run
    word = token.key
    f: dict[str, str | float] = {"shape": shape(text), "len": _bucket(len(text), (2, 3, 5, 9))}
    if word:
        f["w"] = word[:20]
    else:
        f["punct"] = text
    for flag in ("bold", "italic", "code", "sup", "badge"):
        if getattr(run, flag):
            f[flag] = 1.0
    if run.href is not None:
        f["link"] = 1.0
    if text[:1].isupper():
        f["cap"] = 1.0
    if text.isupper() and len(text) >= 2 and any(ch.isalpha() for ch in text):
        f["upper"] = 1.0
    if sum(ch.isupper() for ch in text) >= 2 and any(ch.islower() for ch in text):
        f["mixed"] = 1.0  # NeurIPS, ICLR's, DeepMind
    if text.isdigit():
        f["digits"] = 1.0
        if _YEAR.fullmatch(text):
            f["year"] = 1.0
    elif any(ch.isdigit() for ch in text):
        f["has_digit"] = 1.0
    if _SHORT_YEAR.search(text):
        f["short_year"] = 1.0
    if len(word) == 1 and text[:1].isupper():
        f["initial"] = 1.0
    if word in PARTICLES:
        f["particle"] = 1.0
    if word in VENUE_WORDS:
        f["venue_word"] = 1.0
    if word in MONTHS:
        f["month"] = 1.0
    if word in ("et", "al"):
        f["et_al"] = 1.0
    if word in ("and",) or text == "&":
        f["and"] = 1.0
    if word and word in owner:
        f["owner"] = 1.0
    if text in _MARKS:
        f["mark"] = 1.0
    return f


_NEIGHBOUR_KEYS = (
    "w",
    "shape",
    "punct",
    "bold",
    "italic",
    "link",
    "cap",
    "initial",
    "sup",
    "year",
    "owner",
    "venue_word",
    "badge",
)


def line_features(tokens: Sequence[Token]) -> dict[str, str | float]:
    words = [t for t in tokens if t.key]
    n = max(1, len(words))
    share = {
        "bold": sum(t.run.bold or t.run.code for t in words) / n,
        "italic": sum(t.run.italic for t in words) / n,
        "link": sum(t.run.href is not None for t in words) / n,
        "cap": sum(t.text[:1].isupper() for t in words) / n,
    }
    f: dict[str, str | float] = {f"L.{k}": _bucket(v, (0.01, 0.5, 0.99)) for k, v in share.items()}
    f["L.commas"] = _bucket(sum(t.text == "," for t in tokens) / n, (0.01, 0.2, 0.4))
    f["L.len"] = _bucket(len(words), (3, 6, 12, 25, 50))
    if words:
        first = words[0].run
        for flag in ("bold", "italic", "code", "badge"):
            if getattr(first, flag):
                f[f"L.first_{flag}"] = 1.0
        if first.href is not None:
            f["L.first_link"] = 1.0
    return f


def name_score(tokens: Sequence[Token], owner: frozenset[str]) -> float:
    """How much a line reads as a list of names: capitalised words, initials and the owner's
    name, between commas or `and`s."""
    words = [t for t in tokens if t.key]
    if len(words) < 2:
        return 0.0
    named = sum(t.text[:1].isupper() or t.key in owner for t in words) / len(words)
    separators = sum(t.text in (",", "&") or t.key == "and" for t in tokens)
    owned = any(t.key in owner for t in words)
    return named * (1 + min(separators, 10)) * (2 if owned else 1)


def entry_features(example: Example) -> list[dict[str, str | float]]:
    tokens = example.tokens
    own = [token_features(token, example.owner_words) for token in tokens]
    lines: dict[int, list[int]] = {}
    for i, token in enumerate(tokens):
        lines.setdefault(token.line, []).append(i)
    line_order = {line: n for n, line in enumerate(sorted(lines))}
    per_line = {
        line: line_features([tokens[i] for i in members]) for line, members in lines.items()
    }
    scores = {
        line: name_score([tokens[i] for i in members], example.owner_words)
        for line, members in lines.items()
    }
    author_line = max(sorted(scores), key=lambda line: scores[line]) if scores else 0
    features: list[dict[str, str | float]] = []
    depth = 0
    for i, token in enumerate(tokens):
        if token.text in CLOSING:
            depth = max(0, depth - 1)
        members = lines[token.line]
        at = members.index(i)
        f = dict(own[i])
        f.update(per_line[token.line])
        f["line"] = str(min(line_order[token.line], 4))
        to_authors = line_order[token.line] - line_order[author_line]
        f["from_author_line"] = str(max(-2, min(2, to_authors)))
        run_tokens = [j for j in members if tokens[j].run is token.run]
        f["run_len"] = _bucket(len(run_tokens), (2, 4, 8, 16))
        if run_tokens[0] == i:
            f["run_first"] = 1.0
        if run_tokens[-1] == i:
            f["run_last"] = 1.0
        if len(run_tokens) == len(members):
            f["run_is_line"] = 1.0
        f["line_pos"] = _bucket(at, (1, 2, 4, 8, 16))
        f["entry_pos"] = str(min(4, 5 * i // max(1, len(tokens))))
        if at == 0:
            f["line_first"] = 1.0
        if at == len(members) - 1:
            f["line_last"] = 1.0
        if depth:
            f["in_brackets"] = 1.0
        if i == 0:
            f["BOS"] = 1.0
        if i == len(tokens) - 1:
            f["EOS"] = 1.0
        if i and tokens[i - 1].run is not token.run:
            previous = tokens[i - 1].run
            for flag in ("bold", "italic", "href", "badge"):
                if bool(getattr(previous, flag)) != bool(getattr(token.run, flag)):
                    f[f"changes_{flag}"] = 1.0
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < len(tokens):
                f[f"{offset}:none"] = 1.0
                continue
            for name in _NEIGHBOUR_KEYS:
                if name in own[j]:
                    f[f"{offset}:{name}"] = own[j][name]
            if tokens[j].line != token.line:
                f[f"{offset}:other_line"] = 1.0
        if "w" in own[i] and i + 1 < len(tokens) and "w" in own[i + 1]:
            f["bigram"] = f"{own[i]['w']}|{own[i + 1]['w']}"
        features.append(f)
        if token.text in OPENING:
            depth += 1
    return features


# --- the model --------------------------------------------------------------------------------


def _spans(labels: Sequence[str], wanted: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for i, tag in enumerate(labels):
        if tag != wanted:
            continue
        if spans and spans[-1][1] == i - 1:
            spans[-1] = (spans[-1][0], i)
        else:
            spans.append((i, i))
    return spans


def _longest(example: Example, spans: list[tuple[int, int]]) -> str | None:
    words = [sum(bool(example.tokens[i].key) for i in range(a, b + 1)) for a, b in spans]
    if not spans or max(words) == 0:
        return None
    first, last = spans[words.index(max(words))]
    text = clean_field(example.text[example.tokens[first].start : example.tokens[last].end])
    return text or None


def fields_from_labels(example: Example, labels: Sequence[str]) -> Fields:
    """Title, authors, venue and year from an entry's tags (see the module docstring)."""
    title = _longest(example, _spans(labels, "TITLE"))
    venue = _longest(example, _spans(labels, "VENUE"))
    authors: list[str] = []
    for first, last in _spans(labels, "AUTHOR"):
        raw = example.text[example.tokens[first].start : example.tokens[last].end]
        name = " ".join(raw.split()).strip(_AUTHOR_EDGE)
        if any(ch.isalpha() for ch in name):
            authors.append(name)
    year: int | None = None
    for i, tag in enumerate(labels):
        if tag == "YEAR" and (match := _YEAR.search(example.tokens[i].text)):
            year = int(match.group(1))
            break
    if year is None and venue is not None:
        if years := _YEAR.findall(venue):
            year = int(years[-1])
        elif short := _SHORT_YEAR.search(venue):
            two = 2000 + int(short.group(1))
            year = two if two <= time.localtime().tm_year + 1 else two - 100
    return Fields(title, tuple(authors), venue, year)


Features = dict[int, list[dict[str, str | float]]]
"""Each example's token features, by the example's id."""


def tagger_for(training: Sequence[Example], features: Features, path: Path) -> Any:
    """A tagger trained on the examples (their labels), its model written to `path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for example in training:
        trainer.append(features[id(example)], example.labels)
    trainer.set_params(CRF_PARAMS)
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def cross_validate(examples: Sequence[Example], features: Features) -> dict[int, list[str]]:
    """Each example's predicted tags, from a model trained on every other page's clean entries."""
    predicted: dict[int, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for page in sorted({example.page for example in examples}):
            training = [e for e in examples if e.page != page and e.clean]
            tagger = tagger_for(training, features, Path(folder) / f"{page}.crfsuite")
            for example in examples:
                if example.page == page:
                    predicted[id(example)] = [str(t) for t in tagger.tag(features[id(example)])]
            tagger.close()
    return predicted


def in_sample(examples: Sequence[Example], features: Features) -> dict[int, list[str]]:
    """Each example's tags from one model trained on every clean entry, itself included."""
    with tempfile.TemporaryDirectory() as folder:
        tagger = tagger_for([e for e in examples if e.clean], features, Path(folder) / "all")
        tags = {id(e): [str(t) for t in tagger.tag(features[id(e)])] for e in examples}
        tagger.close()
    return tags


# --- the rules of an earlier commit -------------------------------------------------------------

_OLD_IMPORTER = """
import json, sys
from pathlib import Path
from seed.parse_page import parse_page
out = {}
for name in sys.argv[1:]:
    path = Path(name)
    try:
        page = parse_page(str(path), path.read_text(encoding="utf-8")).page
    except Exception:
        out[path.stem] = []
        continue
    out[path.stem] = [work.model_dump(mode="json") for work in page.publications]
print(json.dumps(out))
"""


def rules_at(commit: str, pages: Sequence[str]) -> tuple[list[str], dict[str, list[Json]]]:
    """The pages the corpus did not yet hold at `commit` (so its rules were never fitted to
    them), and what the importer of that commit (`seed`, `schemas`) reads on them."""
    root = CORPUS.parent.parent
    held = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", commit, "tests/corpus/about/"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    unseen = [page for page in pages if f"tests/corpus/about/{page}.md" not in held]
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "archive", commit, "seed", "schemas"], cwd=root, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        paths = [str(CORPUS / "about" / f"{page}.md") for page in unseen]
        shown = subprocess.run(
            [sys.executable, "-c", _OLD_IMPORTER, *paths],
            cwd=folder,
            env={**os.environ, "PYTHONPATH": folder},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    served: dict[str, list[Json]] = json.loads(shown)
    return unseen, served


# --- report -----------------------------------------------------------------------------------


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact sign test on the entries where only one reader is right."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(wins, losses) + 1)) / (1 << n)
    return min(1.0, 2 * tail)


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    checked: int = 0

    def add(self, results: dict[str, bool]) -> None:
        self.checked += 1
        for name in FIELDS:
            self.right[name] += results[name]

    def total(self) -> int:
        return sum(self.right.values())

    def line(self) -> str:
        fields = ", ".join(f"{name} {self.right[name]}" for name in FIELDS)
        return f"{fields}; total {self.total()}/{len(FIELDS) * self.checked}"


def tally(examples: Sequence[Example], read: Callable[[Example], Fields]) -> Tally:
    counted = Tally()
    for example in examples:
        counted.add(field_results(example.golden, read(example).served()))
    return counted


def crf_fields(example: Example, tags: dict[int, list[str]]) -> Fields:
    return with_group_year(fields_from_labels(example, tags[id(example)]), example.group)


def report(
    examples: Sequence[Example],
    predicted: dict[int, list[str]],
    args: argparse.Namespace,
) -> None:
    reads: dict[str, Callable[[Example], Fields]] = {
        "rules": lambda e: e.rules,
        "crf": lambda e: crf_fields(e, predicted),
        "both": lambda e: e.rules.filled_from(crf_fields(e, predicted)),
    }
    results = {
        id(e): {m: field_results(e.golden, read(e).served()) for m, read in reads.items()}
        for e in examples
    }
    tallies = {m: tally(examples, read) for m, read in reads.items()}
    wins = {f: sum(r["crf"][f] and not r["rules"][f] for r in results.values()) for f in FIELDS}
    losses = {f: sum(r["rules"][f] and not r["crf"][f] for r in results.values()) for f in FIELDS}
    n = len(examples)
    print(
        "\n| field | rules right/checked | CRF right/checked | both right/checked "
        "| only CRF right / only rules right | sign test p |"
    )
    print("|---|---|---|---|---|---|")
    for name in FIELDS:
        cells = " | ".join(f"{tallies[m].right[name]}/{n}" for m in reads)
        p = sign_test(wins[name], losses[name])
        print(f"| {name} | {cells} | {wins[name]} / {losses[name]} | {p:.2g} |")
    cells = " | ".join(f"{tallies[m].total()}/{len(FIELDS) * n}" for m in reads)
    won, lost = sum(wins.values()), sum(losses.values())
    print(f"| total | {cells} | {won} / {lost} | {sign_test(won, lost):.2g} |")
    gained = sum(r["both"][f] and not r["rules"][f] for r in results.values() for f in FIELDS)
    dropped = sum(r["rules"][f] and not r["both"][f] for r in results.values() for f in FIELDS)
    print(f"\n'both' against the rules: {gained} fields gained, {dropped} lost.")
    pages = sorted({e.page for e in examples})
    per_page = {
        page: {m: tally([e for e in examples if e.page == page], read) for m, read in reads.items()}
        for page in pages
    }
    better = sum(t["crf"].total() > t["rules"].total() for t in per_page.values())
    worse = sum(t["crf"].total() < t["rules"].total() for t in per_page.values())
    print(
        f"Pages: the CRF reads more fields right on {better}, fewer on {worse}, "
        f"as many on {len(pages) - better - worse}."
    )
    if args.per_page:
        print("\n| page | entries | rules | CRF | both |")
        print("|---|---|---|---|---|")
        for page, t in per_page.items():
            cells = " | ".join(str(t[m].total()) for m in reads)
            print(f"| {page} | {t['rules'].checked} | {cells} |")
    if args.show_misses:
        print()
        for e in examples:
            for name in FIELDS:
                if results[id(e)]["rules"][name] != results[id(e)]["crf"][name]:
                    shown = {m: getattr(reads[m](e), name) for m in ("rules", "crf")}
                    print(f"{e.page} {e.golden['title'][:40]!r} {name}: {shown}")


def references(
    examples: Sequence[Example],
    features: Features,
    predicted: dict[int, list[str]],
    importer: dict[str, list[Json]],
    commit: str | None,
) -> None:
    """What bounds and frames the comparison, on the same entries and checks."""
    print("\nFor reference (same entries, same checks):")
    ceiling = tally(examples, lambda e: with_group_year(fields_from_labels(e, e.labels), e.group))
    print(f"- the training labels themselves, rebuilt into fields: {ceiling.line()}")
    tags = in_sample(examples, features)
    print(
        f"- the CRF trained and tested on every page (in-sample): "
        f"{tally(examples, lambda e: crf_fields(e, tags)).line()}"
    )
    whole = Tally()
    for page in sorted({e.page for e in examples}):
        for result in importer[page]:
            whole.add(result)
    print(f"- the whole importer today, every golden publication: {whole.line()}")
    if commit is None:
        return
    unseen, served = rules_at(commit, sorted({e.page for e in examples}))
    subset = [e for e in examples if e.page in unseen]
    then = Tally()
    paired = 0
    for page in unseen:
        goldens = [e.golden for e in examples if e.page == page]
        partners = pair(goldens, served[page], lambda w: w["title"])
        for golden, partner in zip(goldens, partners, strict=True):
            then.add(field_results(golden, partner))
            paired += partner is not None
    print(
        f"\nOn the {len(unseen)} pages ({len(subset)} entries) the corpus did not hold at "
        f"{commit}, so that the rules of then were never fitted to them:"
    )
    print(
        f"- the whole importer of {commit}: {then.line()} "
        f"({paired} of the {len(subset)} publications served at all)"
    )
    print(f"- the rules of today (fitted to them): {tally(subset, lambda e: e.rules).line()}")
    crf = tally(subset, lambda e: crf_fields(e, predicted))
    print(f"- the CRF, leave one page out: {crf.line()}")


def describe(examples: Sequence[Example], golden_count: int) -> None:
    pages = {e.page for e in examples}
    clean = sum(e.clean for e in examples)
    print(
        f"{len(examples)}/{golden_count} golden publications paired with an entry, on "
        f"{len(pages)} pages; {clean} aligned cleanly (the training pool)."
    )
    fuzzy = sum(len(e.fuzzy) for e in examples)
    missing: dict[str, int] = {}
    tags: dict[str, int] = {}
    for example in examples:
        for name in example.unaligned:
            missing[name.split()[0]] = missing.get(name.split()[0], 0) + 1
        for tag in example.labels:
            tags[tag] = tags.get(tag, 0) + 1
    print(f"Fields aligned fuzzily: {fuzzy}; not found in their entry: {missing or 'none'}.")
    print("Tokens per label: " + ", ".join(f"{t} {c}" for t, c in sorted(tags.items())))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--per-page", action="store_true", help="Fields right per page.")
    parser.add_argument(
        "--show-misses", action="store_true", help="Each field the two readers disagree on."
    )
    parser.add_argument(
        "--show-unaligned", action="store_true", help="Each golden field not found in its entry."
    )
    parser.add_argument(
        "--rules-at",
        metavar="COMMIT",
        default=RULES_BEFORE_PAGES,
        help="Also score this commit's importer on the pages added to the corpus after it "
        f"(default {RULES_BEFORE_PAGES}; 'none' to skip).",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    examples, importer = read_examples()
    describe(examples, sum(len(results) for results in importer.values()))
    if args.show_unaligned:
        for e in examples:
            if e.unaligned or e.fuzzy:
                print(
                    f"  {e.page} {e.golden['title'][:50]!r}: not found {e.unaligned}, "
                    f"fuzzy {e.fuzzy}"
                )
    features: Features = {id(example): entry_features(example) for example in examples}
    predicted = cross_validate(examples, features)
    report(examples, predicted, args)
    commit = None if args.rules_at.lower() == "none" else args.rules_at
    references(examples, features, predicted, importer, commit)
    print(f"\n{time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
