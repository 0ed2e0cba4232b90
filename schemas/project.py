"""Projects, in page order: the same shape as publications."""

from schemas.work import WorkPublic, WorkRow


class Project(WorkRow, table=True):
    pass


class ProjectPublic(WorkPublic):
    pass
