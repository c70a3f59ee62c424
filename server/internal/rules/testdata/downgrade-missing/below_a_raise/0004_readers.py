"""archived notes get a reader

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("readers", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("archived_notes", sa.Column("reader_id", sa.Integer(), nullable=True))
    op.create_foreign_key(None, "archived_notes", "readers", ["reader_id"], ["id"])


def downgrade():
    op.drop_constraint(None, "archived_notes", type_="foreignkey")
    op.drop_column("archived_notes", "reader_id")
    op.drop_table("readers")
