"""legacy python 2 migration

Revision ID: 1c2d3e4f5a6b
Revises: 0b1c2d3e4f5a
"""
from alembic import op

revision = '1c2d3e4f5a6b'
down_revision = '0b1c2d3e4f5a'


def upgrade():
    print "upgrading"
    op.drop_table('py2_table')


def downgrade():
    print "downgrading"
    exec "pass"
