"""teams

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))
    # same revision: the table has no rows yet
    op.add_column("teams", sa.Column("slug", sa.String(40), nullable=False))


def downgrade():
    op.drop_table("teams")
