"""a table made in SQL: its uniquenesses are not known

Revision ID: 0001
Revises:
"""
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.execute("CREATE TABLE c (id serial PRIMARY KEY, code int)")
    op.create_unique_constraint(None, "c", ["code"])  # expect[unnamed-constraint:warning]: leaves the constraint unnamed help: Name it as PostgreSQL would: "c_code_key"


def downgrade():
    op.drop_constraint(None, "c", type_="unique")  # expect[unnamed-constraint]: cannot be compiled help: drop it by that name
    op.drop_table("c")
