"""billing facts, keyed by date and template (written nullable=True)

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "ft_billing",
        sa.Column("bst_date", sa.Date(), nullable=True),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("provider", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("bst_date", "template_id"),
    )


def downgrade():
    op.drop_table("ft_billing")
