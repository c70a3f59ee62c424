"""shorter kinds

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("UPDATE artifacts SET state = 'IDLE' WHERE kind = 'CONSTRUCTOR_INSTALLER'")
    op.execute("DELETE FROM artifacts WHERE state = 'FAILED'")
    op.alter_column("artifacts", "kind", existing_type=sa.String(21), type_=sa.String(18))  # expect[type-change-without-using:warning]: narrows column "kind"


def downgrade():
    op.alter_column("artifacts", "kind", existing_type=sa.String(18), type_=sa.String(21))
