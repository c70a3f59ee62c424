"""mode and pattern become required

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("UPDATE settings SET mode = 'off' WHERE mode IS NULL")
    op.execute("UPDATE settings SET pattern = '' WHERE pattern IS NULL")
    with op.batch_alter_table("settings") as batch_op:
        batch_op.alter_column(sa.Column("mode", sa.Text(), nullable=False))  # expect[invalid-op-argument:error]: given a Column object as its column name help: batch_op.alter_column("mode", existing_type=sa.Text(), nullable=False)
    op.alter_column("settings", sa.Column("pattern", sa.Text(), nullable=False))  # expect[invalid-op-argument:error]: Column object help: op.alter_column("settings", "pattern", existing_type=sa.Text(), nullable=False)$
    op.alter_column("settings", sa.Column("active", sa.Boolean(), server_default="false", nullable=False))  # expect[invalid-op-argument:error]: Column object help: op.alter_column("settings", "active", existing_type=sa.Boolean(), nullable=False, server_default="false"), after filling the rows that are NULL


def downgrade():
    with op.batch_alter_table("settings") as batch_op:
        batch_op.alter_column("mode", existing_type=sa.Text(), nullable=True)
    op.alter_column("settings", "pattern", existing_type=sa.Text(), nullable=True)
    op.alter_column("settings", "active", existing_type=sa.Boolean(), nullable=True, server_default=None)
