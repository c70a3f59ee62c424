"""left, right and their pairs

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("lefts", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("rights", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "pair",
        sa.Column("left_id", sa.Integer(), sa.ForeignKey("lefts.id"), nullable=True),
        sa.Column("right_id", sa.Integer(), sa.ForeignKey("rights.id"), nullable=True),
        sa.UniqueConstraint("left_id", "right_id"),
    )


def downgrade():
    op.drop_table("pair")
    op.drop_table("rights")
    op.drop_table("lefts")
