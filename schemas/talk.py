"""Talks (`_talks/*.md`): newest first."""

from schemas.event import EventPublic, EventRow


class Talk(EventRow, table=True):
    pass


class TalkPublic(EventPublic):
    pass
