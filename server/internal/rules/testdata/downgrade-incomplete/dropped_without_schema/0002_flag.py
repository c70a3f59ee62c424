"""a flag; the downgrade drops it without the schema, from a table the search path does not hold

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("instrument", sa.Column("archived", sa.Boolean()), schema="catalog")  # expect[downgrade-incomplete]: column "archived" is added to "catalog.instrument" by upgrade() but downgrade() drops it from "instrument" help: The drop_column at line 18 names the table without the schema upgrade() used


def downgrade():
    op.drop_column("instrument", "archived")
