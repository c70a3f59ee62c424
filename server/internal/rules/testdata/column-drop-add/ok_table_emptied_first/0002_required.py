"""the table is emptied first: no value is left to lose, and the NOT NULL adds cannot fail

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
    op.execute("TRUNCATE TABLE opportunities CASCADE")
    op.add_column("opportunities", sa.Column("opportunity_metadata", sa.JSON(), nullable=False))
    op.drop_column("opportunities", "update_metadata")
    op.drop_column("opportunities", "checked_at")
    op.add_column("opportunities", sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False))


def downgrade():
    op.execute("DELETE FROM opportunities")
    op.drop_column("opportunities", "checked_at")
    op.add_column("opportunities", sa.Column("checked_at", sa.DateTime(), nullable=True))
    op.add_column("opportunities", sa.Column("update_metadata", sa.JSON(), nullable=True))
    op.drop_column("opportunities", "opportunity_metadata")
