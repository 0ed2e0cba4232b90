"""List items marked as publications by the emoji AcadHomepage gives its publications section
(`- 📝 **Name** — *Title* — venue`), in a section of any name."""

from dataclasses import replace

from markdown_it.token import Token

from seed.document.blocks import children_until_close, first_inline, top_level_items
from seed.recognise.headings import SectionKind
from seed.recognise.sections import Outline

PUBLICATION_MARK = "📝"


def _is_marked(item_tokens: list[Token]) -> bool:
    inline = first_inline(item_tokens)
    return inline is not None and inline.content.lstrip().startswith(PUBLICATION_MARK)


def marked_publications(section: Outline) -> tuple[Outline, list[tuple[int, int]]] | None:
    """The section's list items that open with 📝, as a section of publications, and the
    body lines they take up, when two or more of its items are so marked."""
    kept: list[Token] = []
    lines: list[tuple[int, int]] = []
    index = 0
    tokens = section.tokens
    while index < len(tokens):
        token = tokens[index]
        if token.level != 0 or token.type not in ("bullet_list_open", "ordered_list_open"):
            index += 1
            continue
        inner, after = children_until_close(tokens, index)
        marked = [item for item in top_level_items(inner) if _is_marked(item[1])]
        if marked:
            close = tokens[after - 1]
            kept.append(token)
            for item, item_tokens in marked:
                kept += [item, *item_tokens, Token("list_item_close", "li", -1)]
                lines.append(tuple(item.map) if item.map else (0, 0))  # type: ignore[arg-type]
            kept.append(close)
        index = after
    if len(lines) < 2:
        return None
    return replace(section, kind=SectionKind.publications, tokens=kept), lines
