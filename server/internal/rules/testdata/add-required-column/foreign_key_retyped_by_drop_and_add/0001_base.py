"""notes and their mentions, linked by an integer key

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
    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("uid", sa.String(36), unique=True))
    op.create_table("note_mentions", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("note_id", sa.Integer(), sa.ForeignKey("notes.id"), nullable=False))


def downgrade():
    op.drop_table("note_mentions")
    op.drop_table("notes")
