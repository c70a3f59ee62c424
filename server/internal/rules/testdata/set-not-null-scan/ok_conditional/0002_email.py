"""users.email not null where possible

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    nulls = conn.execute(sa.text("SELECT count(*) FROM users WHERE email IS NULL")).scalar()
    if nulls == 0:
        op.alter_column("users", "email", nullable=False)


def downgrade():
    op.alter_column("users", "email", nullable=True)
