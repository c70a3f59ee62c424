"""tokens: the convention's custom token names the constraints

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("apps", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("tokens", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("app_id", sa.Integer()), sa.Column("scopes", sa.String()))


def downgrade():
    op.drop_table("tokens")
    op.drop_table("apps")
