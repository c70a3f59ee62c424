"""gadgets get a named unique key

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    inspector = sa.inspect(op.get_bind())
    found = inspector.get_unique_constraints("gadget")
    with op.batch_alter_table("gadget") as batch_op:
        for constraint in found:
            batch_op.drop_constraint(constraint["name"], type_="unique")
    with op.batch_alter_table("gadget") as batch_op:
        batch_op.create_unique_constraint("gadget_label_uq", ["label"])


def downgrade():  # expect[downgrade-missing:info]: only makes changes that can run again help: The changes (a drop of each object a look at the schema lists, a create of a kind those drops clear first) stay in place
    pass
