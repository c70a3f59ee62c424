"""client ids are text

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("prefs", "cid", existing_type=sa.Integer(), type_=sa.String(length=512))


def downgrade():
    # existing_type is stale: the column is varchar(512) here
    op.alter_column("prefs", "cid", existing_type=sa.String(length=250), type_=sa.Integer())  # expect[type-change-without-using]: from varchar(512) to integer
