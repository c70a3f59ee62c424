"""group_id becomes a string: the downgrade recipe, which runs after another package's revision

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    pass


def downgrade():
    op.alter_column("members", "group_id", existing_type=sa.String(80), type_=sa.Integer(),
                    postgresql_using="group_id::integer")
