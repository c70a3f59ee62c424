"""boards and their cards

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("boards", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "board_cards",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("board_id", sa.Integer(), nullable=True),
    )


def downgrade():
    op.drop_table("board_cards")
    op.drop_table("boards")
