"""column 2 (every revision after the first leaves downgrade() as pass: the project does not downgrade)

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("states", sa.Column("c2", sa.Integer(), nullable=True))


def downgrade():
    pass
