"""kind becomes free text, and the type goes; the downgrade puts the column
back on a type nothing made again

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("tickets", "kind", type_=sa.String(), existing_nullable=True)
    op.execute("DROP TYPE ticket_kind")


def downgrade():
    op.alter_column(
        "tickets",
        "kind",
        existing_type=sa.String(),
        type_=postgresql.ENUM("BUG_REPORT", "FEATURE_REQUEST", "QUESTION", "INCIDENT", "MAINTENANCE_WINDOW",  # expect[enum-type-not-created]: nothing earlier in downgrade() creates it help: Create it first: sa.Enum(..., name="ticket_kind").create(op.get_bind(), checkfirst=True)
                              "SECURITY_ADVISORY", "BILLING_DISPUTE", "ACCESS_REQUEST", "DATA_EXPORT",
                              "ACCOUNT_DELETION", name="ticket_kind"),
        existing_nullable=True,
        postgresql_using="kind::ticket_kind",
    )
