"""the downgrade drops the table its upgrade created; the create beside it (left over from a drifted
database) is of a table the upgrade never dropped: not a rename

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table(
        "messaging_config",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=True),
    )


def downgrade():
    op.create_table(
        "email_config",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=True),
    )
    op.drop_table("messaging_config")
