"""ExcludeConstraint reads the keywords it knows and drops the others: a
misspelt one does nothing (no error), while name= clashes with the name
Alembic passes it

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("booking", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("during", postgresql.TSRANGE()))
    op.create_exclude_constraint("booking_no_overlap", "booking", ("during", "&&"), usin="gist")  # expect[invalid-op-argument:warning]: create_exclude_constraint() ignores the keyword argument "usin" (did you mean "using"?)
    op.create_exclude_constraint("booking_no_overlap2", "booking", ("during", "&&"), using="gist", name="x")  # expect[invalid-op-argument:error]: create_exclude_constraint() got an unexpected keyword argument "name"


def downgrade():
    op.drop_table("booking")
