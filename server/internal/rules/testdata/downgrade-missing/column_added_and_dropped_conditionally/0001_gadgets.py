"""gadget labels copied through a column for intermediate values

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    try:
        op.execute("UPDATE gadget SET label = upper(label)")
    except ValueError:
        op.add_column("gadget", sa.Column("label_copy", sa.String(length=200), nullable=True))
        op.execute("UPDATE gadget SET label_copy = upper(label)")
        op.drop_column("gadget", "label_copy")


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: The changes (a column added and dropped again)
    pass
