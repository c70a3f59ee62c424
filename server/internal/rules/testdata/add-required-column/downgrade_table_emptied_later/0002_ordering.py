"""crew members are ordered

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("talk_crew", sa.Column("position", sa.Integer(), nullable=True))
    op.drop_column("talk_crew", "is_host")


def downgrade():
    op.add_column("talk_crew", sa.Column("is_host", sa.Boolean(), nullable=False))  # expect[add-required-column:warning]: help: From the heads, the downgrade of 0003 leaves "talk_crew" empty before this line runs
    op.drop_column("talk_crew", "position")
