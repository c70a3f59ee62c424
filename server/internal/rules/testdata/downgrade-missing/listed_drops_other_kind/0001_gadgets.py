"""gadgets lose their unique keys and get an index

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    inspector = sa.inspect(op.get_bind())
    for constraint in inspector.get_unique_constraints("gadget"):
        op.drop_constraint(constraint["name"], "gadget", type_="unique")
    op.create_index("ix_gadget_label", "gadget", ["label"])


def downgrade():  # expect[downgrade-missing:warning]: upgrade() changes the schema (drop_constraint, create_index) but downgrade() does nothing
    pass
