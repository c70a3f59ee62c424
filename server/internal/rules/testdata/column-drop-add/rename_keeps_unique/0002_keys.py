"""keys get shorter names; calls' key is no longer unique, tokens' still is

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("calls", "call_key")  # expect[column-drop-add]: looks like a rename help: The drop also removed the uniqueness of (call_key, running), which the rename keeps: drop that constraint or index too if "key" is not meant to be unique$
    op.add_column("calls", sa.Column("key", sa.String(80), nullable=True))
    op.drop_column("tokens", "token_value")  # expect[column-drop-add]: looks like a rename help: new_column_name="value")$
    op.add_column("tokens", sa.Column("value", sa.String(80), nullable=True, unique=True))


def downgrade():
    op.drop_column("tokens", "value")  # expect[column-drop-add]: looks like a rename in downgrade() help: new_column_name="token_value")$
    op.add_column("tokens", sa.Column("token_value", sa.String(80), nullable=True, unique=True))
    op.drop_column("calls", "key")  # expect[column-drop-add]: looks like a rename in downgrade() help: new_column_name="call_key")$
    op.add_column("calls", sa.Column("call_key", sa.String(80), nullable=True))
