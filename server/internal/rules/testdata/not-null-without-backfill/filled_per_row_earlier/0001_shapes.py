"""shapes

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("shapes", sa.Column("id", sa.String(4), primary_key=True))
    op.execute("INSERT INTO shapes (id) VALUES ('sq'), ('tri')")


def downgrade():
    op.drop_table("shapes")
