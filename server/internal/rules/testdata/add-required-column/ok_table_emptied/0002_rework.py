"""the old feedback is thrown away before the new required columns

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
    op.execute("DELETE FROM feedback")
    op.execute(sa.text("TRUNCATE TABLE retrievals"))
    op.add_column("feedback", sa.Column("message_id", sa.Integer(), nullable=False))
    op.add_column("retrievals", sa.Column("rank", sa.Integer(), nullable=False))


def downgrade():
    op.drop_column("retrievals", "rank")
    op.drop_column("feedback", "message_id")
