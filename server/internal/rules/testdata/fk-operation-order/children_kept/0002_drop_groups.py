"""groups are gone

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
    op.drop_table('groups')  # expect[fk-operation-order]: still has a foreign key to it help: Drop its foreign key "fk_files_group" first, with drop_constraint: upgrade() keeps "files", so its key goes, not the table; "members", "notes" also have foreign keys to it


def downgrade():
    op.create_table('groups', sa.Column('id', sa.INTEGER(), nullable=False), sa.PrimaryKeyConstraint('id'))
