"""initial

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("rank", sa.String(length=10), server_default="1"),
        sa.Column("kind", sa.String(length=10), server_default=sa.text("'1'")),
        sa.Column("size", sa.String(length=10)),
        sa.Column("weight", sa.String(length=10), server_default="0"),
        sa.Column("code", sa.String(length=10), server_default="0"),
        sa.Column("u1", sa.String(length=10), server_default="1"),
        sa.Column("u2", sa.String(length=10), server_default="1"),
        sa.Column("u3", sa.String(length=10)),
        sa.Column("u4", sa.String(length=10), server_default=sa.text("NULL")),
        sa.Column("u5", sa.String(length=10), server_default="1"),
        sa.Column("u6", sa.String(length=10), server_default="1"),
        sa.Column("u7", sa.String(length=10), server_default="1"),
        sa.Column("u8", sa.String(length=10), server_default=sa.text("upper('x')")),
        sa.Column("u9", sa.Integer(), server_default="0"),
        sa.Column("u10", sa.String(length=10), server_default=sa.text("'1'")),
    )
    op.execute("ALTER TABLE items ADD COLUMN age varchar(10) DEFAULT '0'")


def downgrade():
    op.drop_table("items")
