"""Support tickets and their events.

Both tables use the ticket_priority enum: within one migration run Alembic
emits CREATE TYPE only once.

Revision ID: 0032_tickets
Revises: b1c2d3e4f5a7
Create Date: 2024-07-08 09:33:14.275906
"""
import enum

from alembic import op
import sqlalchemy as sa

revision = "0032_tickets"
down_revision = "b1c2d3e4f5a7"
branch_labels = None
depends_on = None


class TicketVisibility(enum.Enum):
    # A frozen copy of the application's enum at the time of this revision.
    internal = "internal"
    customer = "customer"


def upgrade():
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column(
            "priority",
            sa.Enum("low", "normal", "high", name="ticket_priority"),
            nullable=False,
        ),
        sa.Column(
            "visibility",
            sa.Enum(TicketVisibility, name="ticket_visibility"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column(
            "priority",
            sa.Enum("low", "normal", "high", name="ticket_priority"),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name="fk_ticket_events_ticket_id_tickets",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("ticket_events")
    op.drop_table("tickets")
    op.execute("DROP TYPE IF EXISTS ticket_priority")
    sa.Enum(name="ticket_visibility").drop(op.get_bind(), checkfirst=True)
