"""users.plan, a native enum; enum-type-not-dropped reports the type left behind

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

plan = sa.Enum("free", "pro", name="plan_type")


def upgrade():
    plan.create(op.get_bind())
    op.add_column("users", sa.Column("plan", plan, nullable=True))


def downgrade():
    op.drop_column("users", "plan")
