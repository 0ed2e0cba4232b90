"""Alembic's environment: migrations run on the connection `store.schema` hands over."""

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import store.engine  # noqa: F401  (registers every table on SQLModel.metadata)
from store.schema import include_object


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,  # SQLite rebuilds a table where ALTER cannot change it
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run(context.config.attributes["connection"])
