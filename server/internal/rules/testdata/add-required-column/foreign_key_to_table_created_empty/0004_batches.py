"""invoices belong to batches, a new table

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.create_table("batches", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("invoices", sa.Column("batch_id", sa.Integer(), sa.ForeignKey("batches.id"), nullable=False))  # expect[add-required-column]: help: But upgrade() creates "batches", which it references, empty: insert its rows first, or no UPDATE finds one to point to.
    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO tags (id) VALUES (1)")
    op.add_column("invoices", sa.Column("tag_id", sa.Integer(), nullable=False))  # expect[add-required-column]: help: from the related rows, then op.alter_column("invoices", "tag_id", nullable=False). On a table with rows the add_column at line 15 fails first, the same way.$
    op.create_foreign_key("invoices_tag_id_fkey", "invoices", "tags", ["tag_id"], ["id"])


def downgrade():
    op.drop_constraint("invoices_tag_id_fkey", "invoices", type_="foreignkey")
    op.drop_column("invoices", "tag_id")
    op.drop_table("tags")
    op.drop_column("invoices", "batch_id")
    op.drop_table("batches")
