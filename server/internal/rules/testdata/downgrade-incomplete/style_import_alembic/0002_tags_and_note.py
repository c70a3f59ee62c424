"""tags and a note, style import alembic

Revision ID: 0002
Revises: 0001
"""
import alembic
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    alembic.op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.String(50)))
    alembic.op.create_index("ix_tags_label", "tags", ["label"])
    alembic.op.add_column("orders", sa.Column("note", sa.String(200), nullable=True))  # expect[downgrade-incomplete]: column "note" is added to "orders" by upgrade() but downgrade() never drops it


def downgrade():
    alembic.op.drop_table("tags")
