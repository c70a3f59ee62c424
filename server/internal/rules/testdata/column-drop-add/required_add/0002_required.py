"""renamed and retyped, both added NOT NULL without a default

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
    op.add_column("opportunities", sa.Column("opportunity_metadata", sa.JSON(), nullable=False))
    op.drop_column("opportunities", "update_metadata")  # expect[column-drop-add]: looks like a rename help: fails on a table with rows
    op.drop_column("opportunities", "checked_at")  # expect[column-drop-add]: again replaces help: fails on a table with rows
    op.add_column("opportunities", sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False))


def downgrade():
    op.drop_column("opportunities", "checked_at")  # expect[column-drop-add]: again replaces the column in downgrade() help: nothing fails to tell you
    op.add_column("opportunities", sa.Column("checked_at", sa.DateTime(), nullable=True))
    op.add_column("opportunities", sa.Column("update_metadata", sa.JSON(), nullable=True))
    op.drop_column("opportunities", "opportunity_metadata")  # expect[column-drop-add]: looks like a rename in downgrade() help: without any error
