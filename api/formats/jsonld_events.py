"""schema.org JSON-LD for talks (an `Event` each) and teaching (a `Course` each, its dated,
placed run a `CourseInstance`)."""

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import Request, Response

from api.formats.feed_entries import plain
from api.formats.jsonld import CONTEXT, JSONLD, graph
from api.formats.media import JSON_LD, JSONLDResponse
from api.urls import identifier
from schemas.common import DatePrecision
from schemas.event import EventPublic


def _date(event: EventPublic) -> str | None:
    """The date as precise as it is known: `2024`, `2024-05` or `2024-05-14` (ISO 8601)."""
    if event.date is None:
        return None
    if event.date_precision is DatePrecision.year:
        return f"{event.date:%Y}"
    if event.date_precision is DatePrecision.month:
        return f"{event.date:%Y-%m}"
    return event.date.isoformat()


def _place(name: str | None, address: str | None) -> JSONLD | None:
    if not name and not address:
        return None
    place: JSONLD = {"@type": "Place", "name": name or address}
    if name and address:
        place["address"] = address
    return place


def _described(node: JSONLD, event: EventPublic) -> JSONLD:
    """`description` from the body, `url` the first link and `sameAs` the others."""
    if description := plain(event.body_html):
        node["description"] = description
    if event.links:
        node["url"] = event.links[0].url
    if others := [link.url for link in event.links[1:]]:
        node["sameAs"] = others
    return node


def talk_event(talk: EventPublic, talk_id: str) -> JSONLD:
    """A talk: where it was given (the venue, at its location) and when."""
    node: JSONLD = {"@context": CONTEXT, "@type": "Event", "@id": talk_id, "name": talk.title}
    if start := _date(talk):
        node["startDate"] = start
    if place := _place(talk.venue, talk.location):
        node["location"] = place
    return _described(node, talk)


def course(teaching: EventPublic, course_id: str) -> JSONLD:
    """A course the owner taught: the venue provides it; the date and place are its instance."""
    node: JSONLD = {"@context": CONTEXT, "@type": "Course", "@id": course_id}
    node["name"] = teaching.title
    if teaching.type:
        node["learningResourceType"] = teaching.type
    if teaching.venue:
        node["provider"] = {"@type": "Organization", "name": teaching.venue}
    instance: JSONLD = {"@type": "CourseInstance"}
    if start := _date(teaching):
        instance["startDate"] = start
    if place := _place(teaching.location, None):
        instance["location"] = place
    if len(instance) > 1:
        node["hasCourseInstance"] = instance
    return _described(node, teaching)


EventDocument = Callable[[EventPublic, str], JSONLD]
JSONLD_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {JSON_LD: {"schema": {"type": "object", "additionalProperties": True}}},
        "description": "JSON, or JSON-LD when `Accept` asks for it.",
    }
}


def events_jsonld(
    request: Request,
    read_route: str,
    document: EventDocument,
    events: Sequence[EventPublic],
    *,
    one: bool,
) -> Response:
    """One event's node, or several in a `@graph`; each `@id` is the event's JSON URL."""
    nodes = [document(e, identifier(request, read_route, slug=e.slug)) for e in events]
    return JSONLDResponse(nodes[0] if one else graph(nodes))
