"""CHECK (col IS NOT NULL) declared with the table keeps NULLs out: no scan, nothing to fill

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("people", "email", existing_type=sa.Text(), nullable=False)
    op.alter_column("people", "phone", existing_type=sa.Text(), nullable=False)


def downgrade():
    op.alter_column("people", "phone", existing_type=sa.Text(), nullable=True)
    op.alter_column("people", "email", existing_type=sa.Text(), nullable=True)
