"""notes; the downgrade was written against a database that has the index under its later name

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("entity", sa.Column("note", sa.Text()))


def downgrade():
    op.drop_index("entity_words_idx", table_name="entity")  # expect[missing-index]: drop_index names index "entity_words_idx", which does not exist
    op.create_index("ix_entity_words", "entity", ["words"])
    op.drop_column("entity", "note")
