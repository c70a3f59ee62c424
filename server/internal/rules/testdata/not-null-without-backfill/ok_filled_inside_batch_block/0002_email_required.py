"""email becomes NOT NULL: the UPDATE written after the batch_op call runs first, as Alembic runs batch
operations when the block ends

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.alter_column('email', existing_type=sa.String(200), nullable=False)
        op.execute("UPDATE users SET email = '' WHERE email IS NULL")


def downgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.alter_column('email', existing_type=sa.String(200), nullable=True)
