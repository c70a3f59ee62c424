"""drop the library tables through a helper

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def drop_library():
    op.drop_table('authors')  # expect[fk-operation-order]: help: cannot drop table authors because other objects depend on it
    op.drop_table('books')


def upgrade():
    drop_library()


def downgrade():
    op.create_table('authors', sa.Column('id', sa.INTEGER(), nullable=False), sa.PrimaryKeyConstraint('id'))
    op.create_table('books', sa.Column('id', sa.INTEGER(), nullable=False), sa.Column('author_id', sa.INTEGER()), sa.ForeignKeyConstraint(['author_id'], ['authors.id']), sa.PrimaryKeyConstraint('id'))
