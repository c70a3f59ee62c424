"""a second unique constraint on the same column: PostgreSQL names it c_code_key1, not c_code_key

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_unique_constraint(None, "c", ["code"])  # expect[unnamed-constraint:warning]: leaves the constraint unnamed help: Give it an explicit name


def downgrade():
    op.drop_constraint(None, "c", type_="unique")  # expect[unnamed-constraint]: cannot be compiled
