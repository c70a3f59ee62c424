"""id becomes a string; the downgrade converts it back, then SQL the tool
cannot follow may change it again before alter_column restates the type

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("roles", "id", existing_type=sa.Integer(), type_=sa.String(80))


def downgrade():
    op.execute("ALTER TABLE roles DROP CONSTRAINT roles_pkey CASCADE")
    op.alter_column("roles", "id", existing_type=sa.String(80), type_=sa.Integer(), postgresql_using="id::integer")
    op.execute(sa.text(build_statement()))
    op.alter_column("roles", "id", existing_type=sa.String(80), type_=sa.Integer(), nullable=False)  # expect[type-change-without-using]: from varchar(80) to integer
