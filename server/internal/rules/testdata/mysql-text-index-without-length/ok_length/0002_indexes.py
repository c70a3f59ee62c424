"""index docs

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 03:31:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(op.f('ix_docs_title'), 'docs', ['title'], unique=False)
    op.create_index(op.f('ix_docs_body'), 'docs', ['title', 'body'], unique=False, mysql_length={'body': 255})
    with op.batch_alter_table('docs') as batch_op:
        batch_op.create_index('ix_docs_raw', ['raw'], mysql_length={'raw': 64})


def downgrade():
    op.drop_index('ix_docs_raw', table_name='docs')
    op.drop_index(op.f('ix_docs_body'), table_name='docs')
    op.drop_index(op.f('ix_docs_title'), table_name='docs')
