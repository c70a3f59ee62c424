"""tag meta

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("tag", sa.Column("meta", sa.JSON(), nullable=False))  # expect[add-required-column:warning]: (on PostgreSQL) help: MySQL refuses a literal server_default on this type (BLOB, TEXT, GEOMETRY or JSON column 'meta' can't have a default value): add it nullable=True, fill it with op.execute("UPDATE tag SET meta = <value>"), then op.alter_column("tag", "meta", existing_type=sa.JSON(), nullable=False).
    op.add_column("tag", sa.Column("notes", sa.Text(), nullable=False))  # expect[add-required-column:warning]: (on PostgreSQL) help: column 'notes' can't have a default value
    op.add_column("tag", sa.Column("rank", sa.Integer(), nullable=False))  # expect[add-required-column:warning]: (on PostgreSQL) help: then op.alter_column("tag", "rank", existing_type=sa.Integer(), nullable=False).


def downgrade():
    op.drop_column("tag", "rank")
    op.drop_column("tag", "notes")
    op.drop_column("tag", "meta")
