"""crew members of a talk

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
    op.create_table(
        "talk_crew",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("talk_id", sa.Integer(), nullable=False),
        sa.Column("is_host", sa.Boolean(), nullable=False),
    )


def downgrade():
    op.drop_table("talk_crew")
