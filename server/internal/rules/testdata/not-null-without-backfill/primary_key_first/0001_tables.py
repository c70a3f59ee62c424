"""tables

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("tokens", sa.Column("code", sa.Text()), sa.Column("owner", sa.Text()))
    op.create_table("codes", sa.Column("code", sa.Text()))
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.Text(), sa.CheckConstraint("email IS NOT NULL")),
        sa.Column("phone", sa.Text()),
        sa.CheckConstraint("phone IS NOT NULL", name="people_phone_nn"),
    )


def downgrade():
    op.drop_table("people")
    op.drop_table("codes")
    op.drop_table("tokens")
