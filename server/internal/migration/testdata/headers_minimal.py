revision = 'first'
down_revision = None

from alembic import op


def upgrade():
    op.create_table('accounts')
