"""the primary key gets autoincrement: MODIFY without NOT NULL leaves a key column NOT NULL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("users", "id", existing_type=sa.Integer(), autoincrement=True)
    op.alter_column("users", "name", existing_type=sa.String(length=100), type_=sa.String(length=200))  # expect[mysql-alter-column-incomplete:warning]: without existing_nullable makes the NOT NULL column nullable


def downgrade():
    op.alter_column("users", "name", existing_type=sa.String(length=200), type_=sa.String(length=100), existing_nullable=False)
    op.alter_column("users", "id", existing_type=sa.Integer(), autoincrement=False)
