"""a catalogue of tables, columns and their statistics; the downgrade drops them in creation order

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("cat_tables", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "cat_columns",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("table_id", sa.Integer(), sa.ForeignKey("cat_tables.id", name="cat_columns_table_id_fkey")),
    )
    op.create_table(
        "cat_stats",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("column_id", sa.Integer(), sa.ForeignKey("cat_columns.id", name="cat_stats_column_id_fkey")),
    )


def downgrade():
    op.drop_table("cat_tables")  # expect[fk-operation-order]: drop_table("cat_tables") runs while table "cat_columns" still has a foreign key to it help: downgrade() drops "cat_tables" and the tables that refer to it after it: drop them in the reverse order
    op.drop_table("cat_columns")  # expect[fk-operation-order]: drop_table("cat_columns") runs while table "cat_stats" still has a foreign key to it
    op.drop_table("cat_stats")
