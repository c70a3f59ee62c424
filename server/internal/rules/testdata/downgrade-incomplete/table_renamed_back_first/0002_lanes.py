"""boards become lanes; the downgrade renames the tables back, not the column

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
        batch_op.alter_column("board_id", new_column_name="lane_id")  # expect[downgrade-incomplete]: column "board_id" of "lane_cards" is renamed to "lane_id" by upgrade() but downgrade() never renames it back help: Add to downgrade(), after the rename_table at line 22 (the table is "board_cards" by then): with op.batch_alter_table("board_cards") as batch_op: batch_op.alter_column("lane_id", new_column_name="board_id")$


def downgrade():
    op.rename_table("lanes", "boards")
    op.rename_table("lane_cards", "board_cards")
