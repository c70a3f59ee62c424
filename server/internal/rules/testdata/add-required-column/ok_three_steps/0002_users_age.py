"""users.age

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 19:06:03.816102

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('users', sa.Column('age', sa.Integer(), nullable=True))
    op.execute("UPDATE users SET age = 0 WHERE age IS NULL")
    op.alter_column('users', 'age', existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    op.drop_column('users', 'age')
