"""authors are gone, books keep author_id

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
    op.drop_table('authors')  # expect[fk-operation-order]: table "books" still has a foreign key to it


def downgrade():
    op.create_table('authors', sa.Column('id', sa.INTEGER(), nullable=False), sa.PrimaryKeyConstraint('id'))
