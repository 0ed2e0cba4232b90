"""One webhook delivery per (event, receiver URL), each retried on its own

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-08 10:00:00.000000

An event that was never attempted (`pending_urls` null) is left to the dispatcher, which queues
it for every URL configured then; one with URLs still pending gets a delivery for each of them,
its attempts, backoff and last error kept. Delivered and given-up events stay delivered.
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_COLUMNS = (
    "next_attempt_at",
    "claimed_until",
    "attempts",
    "pending_urls",
    "delivered_at",
    "gave_up_at",
    "last_error",
)
outbox = sa.table(
    "webhook_outbox",
    sa.column("id", sa.Integer()),
    sa.column("created_at", UTCDateTime()),
    sa.column("fanned_out_at", UTCDateTime()),
    sa.column("next_attempt_at", UTCDateTime()),
    sa.column("claimed_until", UTCDateTime()),
    sa.column("attempts", sa.Integer()),
    sa.column("pending_urls", sa.JSON(none_as_null=True)),
    sa.column("delivered_at", UTCDateTime()),
    sa.column("gave_up_at", UTCDateTime()),
    sa.column("last_error", AutoString(length=500)),
)
delivery = sa.table(
    "webhook_delivery",
    sa.column("event_id", sa.Integer()),
    sa.column("url", AutoString(length=2000)),
    sa.column("next_attempt_at", UTCDateTime()),
    sa.column("attempts", sa.Integer()),
    sa.column("delivered_at", UTCDateTime()),
    sa.column("gave_up_at", UTCDateTime()),
    sa.column("last_error", AutoString(length=500)),
)


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fanned_out_at", UTCDateTime(), nullable=True))
    events = bind.execute(sa.select(outbox)).mappings().all()
    now = datetime.now(UTC)
    deliveries: list[dict[str, Any]] = []
    for event in events:
        if event["pending_urls"] is None and event["delivered_at"] is None:
            continue  # never attempted: the dispatcher queues it for every configured URL
        deliveries += [
            {
                "event_id": event["id"],
                "url": url,
                "next_attempt_at": event["next_attempt_at"],
                "attempts": event["attempts"],
                "delivered_at": None,
                "gave_up_at": event["gave_up_at"],
                "last_error": event["last_error"],
            }
            for url in event["pending_urls"] or []
        ]
        bind.execute(sa.update(outbox).where(outbox.c.id == event["id"]).values(fanned_out_at=now))
    # The old columns go before the new table refers to the outbox: SQLite rebuilds the table
    # to drop them, and dropping a table that is referred to would cascade.
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_outbox_next_attempt_at"))
        batch_op.drop_index(batch_op.f("ix_webhook_outbox_delivered_at"))
        for name in _OLD_COLUMNS:
            batch_op.drop_column(name)
        batch_op.create_index(
            batch_op.f("ix_webhook_outbox_fanned_out_at"), ["fanned_out_at"], unique=False
        )

    op.create_table(
        "webhook_delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("url", AutoString(length=2000), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("claimed_until", UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("delivered_at", UTCDateTime(), nullable=True),
        sa.Column("gave_up_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", AutoString(length=500), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["webhook_outbox.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "url", name="uq_webhook_delivery_event_id_url"),
    )
    with op.batch_alter_table("webhook_delivery", schema=None) as batch_op:
        batch_op.create_index(
            "ix_webhook_delivery_url_next_attempt_at", ["url", "next_attempt_at"], unique=False
        )
    if deliveries:
        bind.execute(sa.insert(delivery), deliveries)


def downgrade() -> None:
    bind = op.get_bind()
    events = bind.execute(sa.select(outbox.c.id, outbox.c.created_at, outbox.c.fanned_out_at))
    by_event: dict[int, list[sa.RowMapping]] = {}
    for row in bind.execute(sa.select(delivery)).mappings():
        by_event.setdefault(row["event_id"], []).append(row)
    old = [_as_before(event, by_event.get(event["id"], [])) for event in events.mappings()]
    with op.batch_alter_table("webhook_delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_webhook_delivery_url_next_attempt_at")
    op.drop_table("webhook_delivery")

    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_webhook_outbox_fanned_out_at"))
        batch_op.drop_column("fanned_out_at")
        batch_op.add_column(sa.Column("next_attempt_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("claimed_until", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("pending_urls", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("delivered_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("gave_up_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_error", AutoString(length=500), nullable=True))
    for values in old:
        bind.execute(sa.update(outbox).where(outbox.c.id == values.pop("id")).values(**values))
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.alter_column("next_attempt_at", existing_type=UTCDateTime(), nullable=False)
        batch_op.alter_column("attempts", existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(
            batch_op.f("ix_webhook_outbox_delivered_at"), ["delivered_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_webhook_outbox_next_attempt_at"), ["next_attempt_at"], unique=False
        )


def _as_before(event: sa.RowMapping, deliveries: list[sa.RowMapping]) -> dict[str, Any]:
    """The event as revision 0001 kept it: one row with the URLs still pending."""
    values: dict[str, Any] = {"id": event["id"], "next_attempt_at": event["created_at"]}
    values["attempts"] = 0
    if event["fanned_out_at"] is None:
        return values | {"pending_urls": None}
    pending = [d for d in deliveries if d["delivered_at"] is None]
    values["attempts"] = max((d["attempts"] for d in deliveries), default=0)
    if not pending:
        delivered = [d["delivered_at"] for d in deliveries]
        return values | {
            "pending_urls": [],
            "delivered_at": max(delivered, default=event.fanned_out_at),
        }
    gave_up = [d["gave_up_at"] for d in pending]
    errors = "; ".join(f"{d['url']}: {d['last_error']}" for d in pending if d["last_error"])
    return values | {
        "pending_urls": [d["url"] for d in pending],
        "next_attempt_at": min(d["next_attempt_at"] for d in pending),
        "gave_up_at": None if None in gave_up else max(gave_up),
        "last_error": errors[:500] or None,
    }
