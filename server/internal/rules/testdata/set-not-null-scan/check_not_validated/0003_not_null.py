"""users.email not null

Revision ID: 0003
Revises: 0002
"""
from alembic.op import alter_column

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    alter_column("users", "email", nullable=False)  # expect[set-not-null-scan]: help: VALIDATE CONSTRAINT


def downgrade():
    alter_column("users", "email", nullable=True)
