"""drop the library tables

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
    op.drop_table('authors')  # expect[fk-operation-order]: help: Drop "books" (or its foreign key) first
    # books go to the archive database first
    op.drop_table('books')


def downgrade():
    op.create_table('authors', sa.Column('id', sa.INTEGER(), nullable=False), sa.PrimaryKeyConstraint('id'))
    op.create_table('books', sa.Column('id', sa.INTEGER(), nullable=False), sa.Column('author_id', sa.INTEGER()), sa.ForeignKeyConstraint(['author_id'], ['authors.id']), sa.PrimaryKeyConstraint('id'))
