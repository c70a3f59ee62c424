"""the downgrade renames the column to a misspelled name: an inverse appended after it would rename a column that is gone

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("job", "label", new_column_name="tag")  # expect[downgrade-incomplete]: renames it to "labels" help: The alter_column at line 17 renames it to "labels", not back to "label". After `alembic downgrade` the next `alembic upgrade` fails with: column "label" does not exist. Write new_column_name="label" there.$


def downgrade():
    op.alter_column("job", "tag", new_column_name="labels")
