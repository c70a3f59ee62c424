"""message ids from headers get longer

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("messages", "message_id", existing_type=sa.String(512), type_=sa.Text())


def downgrade():
    op.alter_column(  # expect[type-change-without-using:warning]: help: (From the heads this line is not reached yet: every way down passes a downgrade that cannot run, and that of 0003, the nearest above this one, drops a constraint named None, which fails on every database. Once it and any such drop above it are fixed, a downgrade from the heads can reach this line.)
        "messages", "message_id", existing_type=sa.Text(), type_=sa.String(512)
    )
