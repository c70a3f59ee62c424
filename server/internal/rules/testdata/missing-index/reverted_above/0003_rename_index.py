"""the index gets its new name, and back in the downgrade

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.drop_index("ix_entity_words", table_name="entity")
    op.create_index("entity_words_idx", "entity", ["words"])


def downgrade():
    op.drop_index("entity_words_idx", table_name="entity")
    op.create_index("ix_entity_words", "entity", ["words"])
