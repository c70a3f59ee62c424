"""a unique constraint on the primary key under its new name: no row can repeat it

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_unique_constraint("uq_background_task_uuid", "background_task", ["uuid"])


def downgrade():
    op.drop_constraint("uq_background_task_uuid", "background_task", type_="unique")
