"""boards become lanes; the downgrade renames the column back in the other table

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.rename_table("boards", "lanes")
    op.rename_table("board_cards", "lane_cards")
    with op.batch_alter_table("lane_cards") as batch_op:
        batch_op.alter_column("board_id", new_column_name="lane_id")  # expect[downgrade-incomplete]: column "board_id" of "lane_cards" is renamed to "lane_id" by upgrade() but downgrade() renames it back in "boards" help: The alter_column at line 24 names table "boards", which has no column "lane_id": the downgrade fails there. By then the table is "board_cards": name it there.$


def downgrade():
    op.rename_table("lanes", "boards")
    op.rename_table("lane_cards", "board_cards")
    with op.batch_alter_table("boards") as batch_op:
        batch_op.alter_column("lane_id", new_column_name="board_id")
