"""mentions point to the note's uid: the key is dropped and added again under
its name, which loses what each mention pointed to

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
    op.drop_column("note_mentions", "note_id")
    op.add_column("note_mentions", sa.Column("note_id", sa.String(36), sa.ForeignKey("notes.uid"), nullable=False))  # expect[add-required-column:warning]: help: the drop_column of "note_id" just before takes what each row was linked to. Add the new column under another name


def downgrade():
    op.drop_column("note_mentions", "note_id")
    op.add_column("note_mentions", sa.Column("note_id", sa.Integer(), sa.ForeignKey("notes.id"), nullable=False))  # expect[add-required-column:error]: help: just before takes what each row was linked to
