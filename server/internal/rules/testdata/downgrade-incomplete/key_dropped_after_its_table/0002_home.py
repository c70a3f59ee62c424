"""the downgrade drops the table a new key points to, then the key: the
columns' inverses cannot go before that drop (dropping a column takes its key
along, and the drop of the key after it would fail), nor at the end: no fix

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("home", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("item", sa.Column("home_id", sa.Integer(), nullable=True))  # expect[downgrade-incomplete]: column "home_id" is added to "item" by upgrade() but downgrade() never drops it
    op.create_foreign_key("fk_item_home_id", "item", "home", ["home_id"], ["id"])


def downgrade():
    op.drop_table("home")
    op.drop_constraint("fk_item_home_id", "item", type_="foreignkey")
