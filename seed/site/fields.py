"""Front-matter values of a collection file as typed fields: text, dates with their
precision, the line a key is on, and links from the URL keys people add."""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from schemas.common import DatePrecision, Link, LinkKind, is_safe_url
from seed.document.inline import inline_runs
from seed.document.render import inline_children, markdown_parser
from seed.recognise.citation import link_kind, typed_links
from seed.recognise.dates import parse_date

URL_KEYS = {
    "paperurl": LinkKind.paper,
    "viewpaperurl": LinkKind.paper,
    "downloadurl": LinkKind.paper,
    "pdf": LinkKind.paper,
    "doi": LinkKind.paper,
    "slidesurl": LinkKind.slides,
    "talk_url": LinkKind.website,
    "codeurl": LinkKind.code,
    "posterurl": LinkKind.poster,
    "videourl": LinkKind.video,
    "bibtexurl": LinkKind.other,
}
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def text_value(value: Any) -> str | None:
    """A value as text; an empty key (`excerpt:`) is None. A byte order mark (left where a
    value was pasted from a file saved with one) shows nothing: it is dropped."""
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = str(value).replace("\ufeff", "").strip()
    return text or None


def date_value(value: Any) -> tuple[dt.date | None, DatePrecision | None]:
    """`date: 2021-08-01` (YAML reads it as a date), `2021-08`, `2021`, `March 2021`."""
    if isinstance(value, dt.datetime):
        return value.date(), DatePrecision.day
    if isinstance(value, dt.date):
        return value, DatePrecision.day
    text = text_value(value)
    if text is None:
        return None, None
    if _YEAR.match(text):
        return dt.date(int(text), 1, 1), DatePrecision.year
    found = parse_date(text)
    return found if found is not None else (None, None)


def key_line(text: str, key: str) -> int:
    """The file line a front-matter key is written on (1 where it cannot be found)."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:", re.MULTILINE)
    match = pattern.search(text)
    return text[: match.start()].count("\n") + 1 if match else 1


def _listed_links(value: Any, absolute: Callable[[str], str]) -> list[Link]:
    """A `links:` list of `{label, url, kind}` (or `{name, url}`) mappings."""
    links: list[Link] = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        url = absolute(text_value(item.get("url")) or "")
        label = text_value(item.get("label")) or text_value(item.get("name")) or "link"
        kind = text_value(item.get("kind")) or ""
        if url.startswith(("http://", "https://", "/")) and len(url) <= 2000 and is_safe_url(url):
            known = kind in LinkKind.__members__
            links.append(
                Link(label=label[:200], url=url, kind=LinkKind(kind) if known else link_kind(label))
            )
    return links


def key_links(front_matter: dict[str, Any], absolute: Callable[[str], str]) -> list[Link]:
    """Links from a `links:` list and the URL keys (`paperurl`, `slidesurl`, `talk_url`, any
    `…url`), in order."""
    links: list[Link] = _listed_links(front_matter.get("links"), absolute)
    for key, value in front_matter.items():
        url = text_value(value)
        lowered = key.lower()
        if url is None or not (lowered in URL_KEYS or lowered.endswith("url")):
            continue
        if lowered == "doi" and not url.startswith("http"):
            url = f"https://doi.org/{url}"
        url = absolute(url)
        if url.startswith(("http://", "https://", "/")) and len(url) <= 2000 and is_safe_url(url):
            label = lowered.removesuffix("url").rstrip("_") or "link"
            kind = URL_KEYS.get(lowered) or link_kind(label)
            links.append(Link(label=label, url=url, kind=kind))
    return links


def body_links(markdown: str, absolute: Callable[[str], str]) -> list[Link]:
    """The links a body gives (`[[paper]](…)`, `[Download slides](…)`), as a page's are."""
    tokens = markdown_parser().parse(markdown)
    runs = [run for t in tokens if t.type == "inline" for run in inline_runs(inline_children(t))]
    return [link.model_copy(update={"url": absolute(link.url)}) for link in typed_links(runs)]


def merged_links(*groups: list[Link]) -> list[Link]:
    """Each URL once, the first group's label winning."""
    seen: set[str] = set()
    links: list[Link] = []
    for group in groups:
        for link in group:
            if link.url not in seen:
                seen.add(link.url)
                links.append(link)
    return links
