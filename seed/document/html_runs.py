"""Runs from raw HTML blocks (AcadHomepage paper boxes, hand-written cards), with the same flags
as Markdown inline text: `<strong>` is bold, `<sup>` a superscript, block tags break lines."""

from seed.document.html_reader import HEADINGS, OTHER_MARKUP, Tag, read_html
from seed.document.inline import FLAG_OF_TAG, Run, names_a_badge, safe_href

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "td", "table", "h1", "h2", "h3", "h4", "h5", "h6",
     "section", "article", "header", "footer", "blockquote", "hr"}
)  # fmt: skip
_SKIPPED = frozenset({"script", "style", "iframe", "svg", "noscript", "template"})


class _RunCollector:
    def __init__(self) -> None:
        self.runs: list[Run] = []
        self.flags = {"bold": 0, "italic": 0, "code": 0, "sup": 0, "heading": 0}
        self.href: list[str | None] = []
        self.badge: list[bool] = []
        self.skipping = 0

    def tag(self, tag: Tag) -> None:
        if tag == OTHER_MARKUP:
            return
        if tag.self_closing:
            if tag.name in ("br", "hr"):
                self.runs.append(Run("\n"))
        elif tag.closing:
            self.end(tag.name)
        else:
            self.start(tag.name, {name: value or "" for name, value in tag.attrs})

    def start(self, tag: str, values: dict[str, str]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in FLAG_OF_TAG:
            self.flags[FLAG_OF_TAG[tag]] += 1
        elif tag in HEADINGS:
            self.flags["heading"] += 1
        elif tag == "a":
            self.href.append(safe_href(values.get("href")))
        if tag in _BLOCKS:
            self.runs.append(Run("\n"))
        if tag in ("div", "span"):
            self.badge.append(names_a_badge(values.get("class")))

    def end(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in FLAG_OF_TAG:
            self.flags[FLAG_OF_TAG[tag]] = max(0, self.flags[FLAG_OF_TAG[tag]] - 1)
        elif tag in HEADINGS:
            self.flags["heading"] = max(0, self.flags["heading"] - 1)
        elif tag == "a" and self.href:
            self.href.pop()
        if tag in ("div", "span") and self.badge:
            self.badge.pop()
        if tag in _BLOCKS:
            self.runs.append(Run("\n"))

    def data(self, data: str) -> None:
        if self.skipping or not data:
            return
        for index, line in enumerate(data.split("\n")):
            if index:
                self.runs.append(Run("\n"))
            if line:
                self.runs.append(self._run(line if line.strip() else " "))

    def _run(self, text: str) -> Run:
        flags = self.flags
        return Run(
            text,
            bold=flags["bold"] > 0,
            italic=flags["italic"] > 0,
            code=flags["code"] > 0,
            sup=flags["sup"] > 0,
            href=self.href[-1] if self.href else None,
            badge=any(self.badge),
            heading=flags["heading"] > 0,
        )


def html_runs(markup: str) -> list[Run]:
    """The visible text of an HTML fragment as runs; scripts, styles and frames are left out."""
    collector = _RunCollector()
    for piece in read_html(markup):
        if isinstance(piece, Tag):
            collector.tag(piece)
        else:
            collector.data(piece)
    return collector.runs
