"""widen book index

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 04:01:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_books_author_title', 'books', ['author_id', 'title'], unique=False)
    with op.batch_alter_table('books') as batch_op:
        batch_op.drop_index('ix_books_author_id')


def downgrade():
    op.create_index(op.f('ix_books_author_id'), 'books', ['author_id'], unique=False)
    op.drop_index('ix_books_author_title', table_name='books')
