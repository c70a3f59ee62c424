"""child.parent_id references parent

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 03:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.create_foreign_key(None, 'parent', ['parent_id'], ['id'])  # expect[unnamed-constraint:error]: help: ValueError: Constraint must have a name


def downgrade():
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_constraint(None, type_='foreignkey')  # expect[unnamed-constraint]: fails: a constraint is dropped by its name help: ValueError: Constraint must have a name
