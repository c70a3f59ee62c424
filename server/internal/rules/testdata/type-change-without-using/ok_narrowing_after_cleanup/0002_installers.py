"""installer artifacts

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("artifacts", "kind", existing_type=sa.String(18), type_=sa.String(21))
    op.alter_column("artifacts", "state", existing_type=sa.String(6), type_=sa.String(12))


def downgrade():
    op.execute("DELETE FROM artifacts WHERE kind = 'CONSTRUCTOR_INSTALLER'")
    op.alter_column("artifacts", "kind", existing_type=sa.String(21), type_=sa.String(18))
    op.execute("UPDATE artifacts SET state = 'IDLE' WHERE state IN ('INITIALIZING', 'FAILED')")
    op.alter_column("artifacts", "state", existing_type=sa.String(12), type_=sa.String(6))
