"""index book authors

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
    op.create_index(op.f('ix_books_author_id'), 'books', ['author_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_books_author_id'), table_name='books')  # expect[mysql-fk-index-dropped]: (author_id)
