"""flags

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
    op.create_table("flags", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("on", sa.Boolean()))
    op.alter_column("flags", "on", default=False, server_default=sa.false())  # the model's default= beside the server_default= meant: ignored, nothing lost
    op.alter_column("flags", "on", type=sa.Boolean(), type_=sa.Boolean(), existing_type=sa.Boolean())


def downgrade():
    op.drop_table("flags")
