"""Write the page back: the owner's front matter and prose as they are, and the News,
Publications and Projects sections re-rendered from the store in the style the importer reads,
so `homepage seed` of the result changes nothing. Pure: text and models in, text out."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from schemas.common import DatePrecision, Link, Source
from schemas.news import API_NEWS_MARK, NewsPublic
from schemas.work import WorkPublic
from seed.document.front_matter import read_front_matter, strip_hidden
from seed.recognise.featured import FEATURED_MARK
from seed.recognise.headings import SectionKind
from seed.recognise.sections import Outline, outline_page

_ORDERED = re.compile(r"^\s*\d+[.)]\s")


@dataclass(frozen=True)
class StoredContent:
    news: Sequence[NewsPublic]
    publications: Sequence[WorkPublic]
    projects: Sequence[WorkPublic]


def news_line(item: NewsPublic) -> str:
    text = "\n".join(f"  {line}" if line else "" for line in item.text.strip().split("\n"))[2:]
    if item.source == Source.api:
        text = f"{text} {API_NEWS_MARK}"
    if item.date is None:
        return f"- {text}"
    formats = {DatePrecision.year: "%Y", DatePrecision.month: "%Y/%m"}
    stamp = item.date.strftime(formats.get(item.date_precision or DatePrecision.day, "%Y/%m/%d"))
    return f"- [{stamp}] {text}"


def author_mark(name: str, owner: bool, equal: bool, corresponding: bool) -> str:
    written = f"**{name}**" if owner else name
    return written + ("\\*" if equal else "") + ("†" if corresponding else "")


def _links(links: Sequence[Link]) -> str:
    return "".join(f" [[{link.label}]({link.url})]" for link in links)


def work_line(work: WorkPublic) -> str:
    """`Shwai He\\*, **Daize Dong**\\*, Title, *Venue (Note)*. [[Paper](…)] ⭐`: the venue in
    italics, so no reader takes the end of a title for it or it for the end of a title."""
    authors = [
        author_mark(a.name, a.is_owner, a.equal_contribution, a.corresponding) for a in work.authors
    ]
    venue = " ".join(
        [*([work.venue] if work.venue else []), *([f"({work.note})"] if work.note else [])]
    )
    venue = f"*{venue.replace('*', '')}*" if venue else ""
    fields = [*authors, work.title, *([venue] if venue else [])]
    line = ", ".join(fields) + "." + _links(work.links)
    return line + (f" {FEATURED_MARK}" if work.featured else "")


def _work_lines(works: Sequence[WorkPublic], level: int, ordered: bool) -> list[str]:
    lines: list[str] = []
    group: str | None = None
    number = 0
    for work in works:
        if work.group != group and work.group:
            lines += ([""] if lines else []) + [f"{'#' * min(level + 1, 6)} {work.group}", ""]
            number = 0
        group = work.group
        number += 1
        lines.append(f"{number}. {work_line(work)}" if ordered else f"- {work_line(work)}")
    return lines


def _rendered(section: Outline, stored: StoredContent, ordered: bool) -> list[str] | None:
    if section.kind is SectionKind.news:
        return [news_line(item) for item in stored.news]
    if section.kind is SectionKind.publications:
        return _work_lines(stored.publications, section.level, ordered)
    if section.kind is SectionKind.projects:
        return _work_lines(stored.projects, section.level, ordered)
    return None


def _kept_tail(raw: list[str], visible: list[str]) -> list[str]:
    """Lines the owner hid in a section (`[//]: # (…)`, comments), kept after its entries."""
    last = max((i for i, line in enumerate(visible) if line.strip()), default=-1)
    hidden = [r for r, v in zip(raw[: last + 1], visible[: last + 1], strict=True) if not v.strip()]
    return [line for line in hidden if line.strip()] + raw[last + 1 :]


def export_page(text: str, stored: StoredContent) -> str:
    """The page with its News, Publications and Projects sections rewritten from the store;
    a kind the page has no section for gets one at the end."""
    _, body, _ = read_front_matter("page", text)
    head = text[: len(text) - len(body)]
    raw = body.split("\n")
    visible = strip_hidden(body).split("\n")
    _, sections = outline_page(strip_hidden(body))
    out: list[str] = []
    cursor = 0
    seen: set[SectionKind] = set()
    for section in sections:
        ordered = any(
            _ORDERED.match(line) for line in visible[section.content_line : section.end_line]
        )
        rendered = _rendered(section, stored, ordered)
        if rendered is None or section.kind in seen:
            continue
        seen.add(section.kind)
        out += raw[cursor : section.content_line]
        tail = _kept_tail(
            raw[section.content_line : section.end_line],
            visible[section.content_line : section.end_line],
        )
        out += ["", *rendered, *(tail if tail and tail[0] == "" else ["", *tail])]
        cursor = section.end_line
    out += raw[cursor:]
    for kind, title in (
        (SectionKind.news, "News"),
        (SectionKind.publications, "Publications"),
        (SectionKind.projects, "Projects"),
    ):
        extra = Outline(title=title, kind=kind, line=0, level=2)
        rendered = _rendered(extra, stored, kind is not SectionKind.news)
        if kind not in seen and rendered:
            out += ["", f"## {title}", "", *rendered]
    return head + "\n".join(out).rstrip("\n") + "\n"
