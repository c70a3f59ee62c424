"""tasks in every tenant's schema: a decorator runs upgrade() and downgrade() once per schema

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from tenancy import per_tenant

revision = "0001"
down_revision = None


@per_tenant
def upgrade(schema: str):
    op.create_table(
        "task",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("state", sa.Enum("todo", "done", name="taskstate")),
        schema=schema,
    )


@per_tenant
def downgrade(schema: str):
    op.drop_table("task", schema=schema)  # expect[enum-type-not-dropped]: enum type "taskstate" is created by upgrade() but downgrade() never drops it
