"""authors are gone; books lose the foreign key first

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
    op.drop_constraint('books_author_id_fkey', 'books', type_='foreignkey')
    op.drop_table('authors')


def downgrade():
    op.create_table('authors', sa.Column('id', sa.INTEGER(), nullable=False), sa.PrimaryKeyConstraint('id'))
    op.create_foreign_key('books_author_id_fkey', 'books', 'authors', ['author_id'], ['id'])
