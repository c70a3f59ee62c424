"""a rename done as drop + add, the new column with a server default: its rows get the default, not the old values

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("reports", sa.Column("explanation", sa.Text(), nullable=True, server_default=""))
    op.drop_column("reports", "explaination")  # expect[column-drop-add]: looks like a rename help: "explanation" starts with its server default on every row


def downgrade():
    pass
