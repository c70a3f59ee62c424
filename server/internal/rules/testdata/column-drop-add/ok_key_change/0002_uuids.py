"""ids become UUIDs: the keys are rebuilt, not kept

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
    op.drop_column("tag_revision", "revision_id")
    op.drop_column("revision", "id")
    op.add_column("revision", sa.Column("id", sa.Text(), primary_key=True))
    op.add_column("tag_revision", sa.Column("revision_id", sa.Text(), sa.ForeignKey("revision.id"), nullable=True))


def downgrade():
    op.drop_column("tag_revision", "revision_id")
    op.drop_column("revision", "id")
    op.add_column("revision", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("tag_revision", sa.Column("revision_id", sa.Integer(), sa.ForeignKey("revision.id"), nullable=True))
