"""longer tags

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


# Changing array element type
def upgrade() -> None:
    op.drop_column("users", "tags")  # expect[column-drop-add] Every value in users.tags is lost
    op.add_column("users", sa.Column("tags", sa.ARRAY(sa.String(100))))


def downgrade() -> None:
    op.drop_column("users", "tags")  # expect[column-drop-add]: help: type_=sa.ARRAY(sa.String(50))), which fails on a value the new type cannot hold
    op.add_column("users", sa.Column("tags", sa.ARRAY(sa.String(50))))
