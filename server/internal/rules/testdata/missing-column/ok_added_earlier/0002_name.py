"""columns added before, in this revision or an earlier one

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("users", sa.Column("name", sa.Text(), nullable=True))
    op.alter_column("users", "name", nullable=False)
    op.alter_column("users", "email", new_column_name="address")
    op.alter_column("users", "address", type_=sa.String(200))
    op.execute("ALTER TABLE jobs ADD COLUMN state text")
    op.drop_column("jobs", "state")


def downgrade():
    op.alter_column("users", "address", new_column_name="email")
    op.drop_column("users", "name")
