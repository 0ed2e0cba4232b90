"""`_talks/*.md` and `_teaching/*.md`: one talk or course per file, described in its front
matter (`title`, `type`, `venue`, `date`, `location`, `talk_url`, `slidesurl`) and a Markdown
body."""

from collections.abc import Callable

from schemas.event import EventIn
from seed.document.front_matter import PageSource
from seed.document.render import render_html
from seed.errors import Diagnostic
from seed.site.fields import body_links, date_value, key_line, key_links, merged_links, text_value


def _one_line(value: object) -> str | None:
    text = text_value(value)
    return " ".join(text.split()) if text else None


def read_event(
    source: PageSource, text: str, file: str, absolute: Callable[[str], str]
) -> tuple[EventIn | None, list[Diagnostic]]:
    """The event a file describes; a file with no title is skipped with a warning."""
    meta = source.front_matter
    title = _one_line(meta.get("title"))
    if not title:
        return None, [Diagnostic(source.path, 1, "has no title in its front matter: skipped")]
    warnings: list[Diagnostic] = []
    date, precision = date_value(meta.get("date"))
    if date is None and meta.get("date") is not None:
        line = key_line(text, "date")
        warnings.append(Diagnostic(source.path, line, f"date {meta['date']!r} is not a date"))
    body = source.body.strip()
    event = EventIn(
        title=title,
        type=_one_line(meta.get("type")),
        venue=_one_line(meta.get("venue")),
        date=date,
        date_precision=precision,
        location=_one_line(meta.get("location")),
        links=merged_links(key_links(meta, absolute), body_links(body, absolute)),
        body=body,
        body_html=render_html(body) if body else "",
        file=file,
        line=1,
    )
    return event, warnings
