"""Research interests: `Area: topic, topic` list items, from an Interests section or the bio."""

import re

from markdown_it.token import Token

from schemas.interest import InterestIn
from seed.document.blocks import children_until_close, first_inline, top_level_items
from seed.document.html_reader import headed_lists
from seed.document.inline import inline_runs, plain_text
from seed.document.render import inline_children
from seed.recognise.sections import Outline, heading_text
from seed.recognise.segments import split_top_level

_INTRODUCES_INTERESTS = re.compile(
    r"\b(interest(s|ed)?|focus(es|ed)?|areas?|topics?|thrusts?|directions?)\b", re.IGNORECASE
)
_LISTS = ("bullet_list_open", "ordered_list_open")
_AREA_SEPARATOR = re.compile(r"\s*[:：]\s*|\s+[—–]\s+")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])[.!?]\s+(?=[A-Z])")
_PROSE = re.compile(r"\b(?:I|we|my|our|us|me)\b|[.!?]\s+[A-Z]")


def _interest(text: str) -> InterestIn | None:
    """`Area: topic, topic` or `Area — topic, topic`; prose after the area is no topic list."""
    text = text.strip().rstrip(".;")
    if not text:
        return None
    split = _AREA_SEPARATOR.split(text, maxsplit=1)
    if len(split) == 1:
        # An item of several sentences names its area in the first; the rest explains it.
        first = _SENTENCE_END.split(text, maxsplit=1)[0]
        return InterestIn(area=first.rstrip(".;"))
    area, topics = split
    parts = [part.rstrip(".") for part in split_top_level(topics.replace(";", ","))]
    if any(_is_prose(part) for part in parts):
        return InterestIn(area=area.strip())
    return InterestIn(area=area.strip(), topics=[part for part in parts if part])


def _is_prose(text: str) -> bool:
    """A sentence describing the area, not a topic: `I study how ...`, `... systems. We ...`."""
    return len(text.split()) > 8 or bool(_PROSE.search(text))


def _list_interests(tokens: list[Token], index: int) -> tuple[list[InterestIn], int]:
    """One area per item (`Area: topic, topic`); an item's nested items are its topics."""
    inner, end = children_until_close(tokens, index)
    interests = []
    for _, item_tokens in top_level_items(inner):
        inline = first_inline(item_tokens)
        if inline is not None and (
            interest := _interest(plain_text(inline_runs(inline_children(inline))))
        ):
            if not interest.topics:
                interest.topics = _nested_topics(item_tokens) or _topics_below(item_tokens)
            interests.append(interest)
    return interests, end


def _topics_below(item_tokens: list[Token]) -> list[str]:
    """`* Area` with `Topic, topic, topic` as the item's next paragraph."""
    inlines = [token for token in item_tokens if token.type == "inline"]
    if len(inlines) != 2:
        return []
    text = plain_text(inline_runs(inline_children(inlines[1]))).rstrip(".;")
    parts = [part.rstrip(".") for part in split_top_level(text.replace(";", ","))]
    return [] if len(parts) < 2 or any(_is_prose(part) for part in parts) else parts


def _nested_topics(item_tokens: list[Token]) -> list[str]:
    start = next((i for i, token in enumerate(item_tokens) if token.type in _LISTS), None)
    return [] if start is None else _list_items(item_tokens, start)[0]


def _list_items(tokens: list[Token], index: int) -> tuple[list[str], int]:
    """Each item's text, whole, without a final period."""
    inner, end = children_until_close(tokens, index)
    texts = []
    for _, item_tokens in top_level_items(inner):
        inline = first_inline(item_tokens)
        if inline is not None:
            text = plain_text(inline_runs(inline_children(inline))).strip().rstrip(".;")
            if text:
                texts.append(text)
    return texts, end


def interests_of_section(section: Outline) -> list[InterestIn]:
    """Every list item of an Interests section; or, where sub-headings head the lists, each
    sub-heading an area and the items under it its topics; or the sub-headings alone."""
    tokens = section.tokens
    interests: list[InterestIn] = []
    headings: list[InterestIn] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type in _LISTS and headings:
            topics, index = _list_items(tokens, index)
            headings[-1].topics.extend(topics)
        elif token.type in _LISTS:
            found, index = _list_interests(tokens, index)
            interests.extend(found)
        elif token.type == "heading_open":
            headings.append(InterestIn(area=heading_text(tokens, index)))
            index += 3
        elif token.type == "html_block":
            # cards, each headed by its area over a list of its topics
            for area, topics in headed_lists(token.content):
                if area:
                    cleaned = [topic.rstrip(".;") for topic in topics]
                    headings.append(InterestIn(area=area, topics=[t for t in cleaned if t]))
            index += 1
        else:
            index += 1
    return (
        [*interests, *headings] if any(area.topics for area in headings) else interests or headings
    )


def interests_of_intro(intro: Outline) -> list[InterestIn]:
    """The list in the biography that a sentence introduces as interests or focus areas."""
    tokens = intro.tokens
    previous_text = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type in _LISTS and token.level == 0:
            if _INTRODUCES_INTERESTS.search(
                previous_text.rsplit(".", 2)[-1] + previous_text[-200:]
            ):
                return _list_interests(tokens, index)[0]
            _, index = children_until_close(tokens, index)
            continue
        if token.type == "inline" and token.level == 1:
            previous_text = plain_text(inline_runs(inline_children(token)))
        index += 1
    return []
