"""gadget labels become longer (dropped and added again)

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.drop_column("gadget", "label")
    op.add_column("gadget", sa.Column("label", sa.String(length=200), nullable=True))


def downgrade():  # expect[downgrade-missing:warning]: upgrade() changes the schema (drop_column, add_column) but downgrade() does nothing help: runs its schema changes again without error (a column dropped and added back), while older code runs on the upgraded schema in between
    pass
