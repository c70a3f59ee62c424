"""entities, searchable

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("entity", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("words", sa.Text()))
    op.create_index("ix_entity_words", "entity", ["words"])


def downgrade():
    op.drop_index("ix_entity_words", table_name="entity")
    op.drop_table("entity")
