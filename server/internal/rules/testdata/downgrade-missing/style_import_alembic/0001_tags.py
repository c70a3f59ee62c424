"""tags, style import alembic

Revision ID: 0001
Revises: 
"""
import alembic
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    alembic.op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("label", sa.String(50)))
    alembic.op.create_index("ix_tags_label", "tags", ["label"])


def downgrade():  # expect[downgrade-missing]: help: relation "tags" already exists
    pass
