"""users

Revision ID: 7c1e0a5b3d22
Revises:
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c1e0a5b3d22'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.alter_column('users', 'email', type=sa.String(length=320), existing_type=sa.String(length=200))  # expect[invalid-op-argument:error]: (did you mean "type_"?) help: Alembic passes unknown keywords to the dialect
    op.alter_column('users', 'name', new_name='full_name')  # expect[invalid-op-argument:error]: (did you mean "new_column_name"?)
    op.create_index('ix_users_email', 'users')  # expect[invalid-op-argument]: missing required argument "columns"
    op.create_index('ix_users_name', 'users', ['name'], concurrently=True)  # expect[invalid-op-argument]: (did you mean "postgresql_concurrently"?) help: SQLAlchemy rejects it
    op.add_column('users', sa.Column('age', sa.Integer()), sa.Column('city', sa.String(50)))  # expect[invalid-op-argument]: add_column() takes 2 positional arguments but 3 were given help: Python raises TypeError
    op.add_column('users', sa.Column('zip', sa.String(10)), default='00000')  # expect[invalid-op-argument]: unexpected keyword argument "default"
    op.alter_column('users', 'city', name='town')  # expect[invalid-op-argument:error]: got multiple values for keyword argument "name" (did you mean "new_column_name"?) help: to the dialect as name= already (Alembic before 1.5 took name= for new_column_name)
    op.alter_column('users', 'zip', _type=sa.String(12), nullable=True)  # expect[invalid-op-argument:warning]: ignores the keyword argument "_type" (did you mean "type_"?) help: as if the argument were not written


def downgrade():
    op.drop_constraint('users_email_key', 'users', type='unique')  # expect[invalid-op-argument]: (did you mean "type_"?) help: Python raises TypeError
