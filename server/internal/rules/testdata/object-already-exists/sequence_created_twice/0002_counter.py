"""a counter sequence; the downgrade creates it again where it meant to drop it

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("CREATE SEQUENCE counter_seq")
    op.execute("CREATE SEQUENCE invoice_number_seq")  # expect[object-already-exists]: help: It fails with: relation "invoice_number_seq" already exists: revision 0001 created it, and nothing dropped it since.


def downgrade():
    op.execute("CREATE SEQUENCE counter_seq")  # expect[object-already-exists]: creates sequence "counter_seq" in downgrade(), which already exists here help: upgrade() created it, and downgrade() should drop it instead: op.execute("DROP SEQUENCE counter_seq").$
