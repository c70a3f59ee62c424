"""orders

Revision ID: 5d2b8e1f0c47
Revises:
Create Date: 2026-11-21 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = '5d2b8e1f0c47'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('customers', sa.Column('id', sa.Integer(), primary_key=True))
    op.create_table('orders', sa.Column('id', sa.Integer()), sa.Column('customer_id', sa.Integer()))
    # **dialect_kw takes name=: Python stops at the missing constraint_name, SQLAlchemy never sees name=
    op.create_foreign_key(name='fk_orders_customer', source_table='orders', referent_table='customers', local_cols=['customer_id'], remote_cols=['id'])  # expect[invalid-op-argument]: missing required argument "constraint_name" (passed as name=?) help: Python raises TypeError
    # create_primary_key has no **kw: Python stops at the unexpected keyword
    op.create_primary_key(name='pk_orders', table_name='orders', columns=['id'])  # expect[invalid-op-argument]: unexpected keyword argument "name" (did you mean "constraint_name"?)
    # both names: Alembic passes its own to SQLAlchemy as name=
    op.create_unique_constraint('uq_orders_customer', 'orders', ['customer_id'], name='uq_orders_customer')  # expect[invalid-op-argument]: unexpected keyword argument "name" help: got multiple values for argument 'name'
    with op.batch_alter_table('orders') as batch_op:
        batch_op.create_foreign_key(name='fk_orders_customer_again', referent_table='customers', local_cols=['customer_id'], remote_cols=['id'])  # expect[invalid-op-argument]: missing required argument "constraint_name" (passed as name=?)


def downgrade():
    op.drop_table('orders')
    op.drop_table('customers')
