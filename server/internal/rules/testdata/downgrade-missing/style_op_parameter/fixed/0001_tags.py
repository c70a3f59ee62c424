"""tags, style op parameter

Revision ID: 0001
Revises: 
"""
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade(op):
    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.String(50)))
    op.create_index("ix_tags_label", "tags", ["label"])


def downgrade(op):  # expect[downgrade-missing]: help: relation "tags" already exists
    op.drop_table("tags")
