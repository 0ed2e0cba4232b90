"""`_portfolio/*.md`: one project per file, its `excerpt` the description and its body the
rest."""

from collections.abc import Callable

from schemas.work import WorkIn
from seed.document.front_matter import PageSource
from seed.errors import Diagnostic
from seed.site.excerpts import excerpt_text
from seed.site.fields import body_links, date_value, key_links, merged_links, text_value


def read_project(
    source: PageSource, file: str, absolute: Callable[[str], str]
) -> tuple[WorkIn | None, list[Diagnostic]]:
    meta = source.front_matter
    title = " ".join((text_value(meta.get("title")) or "").split())
    if not title:
        return None, [Diagnostic(source.path, 1, "has no title in its front matter: skipped")]
    excerpt = text_value(meta.get("excerpt")) or ""
    body = source.body.strip()
    date, _ = date_value(meta.get("date"))
    work = WorkIn(
        title=title,
        venue=" ".join((text_value(meta.get("venue")) or "").split()) or None,
        year=date.year if date else None,
        date=date,
        abstract=excerpt_text(excerpt) or excerpt_text(body),
        links=merged_links(
            key_links(meta, absolute), body_links(excerpt, absolute), body_links(body, absolute)
        ),
        file=file,
        on_page=False,
        line=1,
    )
    return work, []
