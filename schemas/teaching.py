"""Teaching (`_teaching/*.md`): courses, lectures and labs, newest first."""

from schemas.event import EventPublic, EventRow


class Teaching(EventRow, table=True):
    pass


class TeachingPublic(EventPublic):
    pass
