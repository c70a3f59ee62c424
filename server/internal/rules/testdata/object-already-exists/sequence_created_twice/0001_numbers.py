"""order and invoice numbers from sequences

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.schema import CreateSequence, DropSequence, Sequence

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("orders", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("number", sa.Integer()))
    op.execute("CREATE SEQUENCE order_number_seq")
    op.execute("CREATE SEQUENCE order_number_seq")  # expect[object-already-exists]: creates sequence "order_number_seq", which already exists here help: It fails with: relation "order_number_seq" already exists: line 16 created it already. If this create was copied from there to make another sequence, name that one; if not, remove it.$
    op.execute("CREATE SEQUENCE IF NOT EXISTS order_number_seq")
    op.execute(CreateSequence(Sequence("invoice_number_seq")))
    op.execute(CreateSequence(Sequence("invoice_number_seq")))  # expect[object-already-exists]: creates sequence "invoice_number_seq"
    op.execute(DropSequence(Sequence("invoice_number_seq")))
    op.execute(CreateSequence(Sequence("invoice_number_seq")))
    op.execute("CREATE SEQUENCE order_line_seq OWNED BY orders.number")
    op.execute("DROP TABLE orders")
    op.execute("CREATE SEQUENCE order_line_seq")
    op.execute("CREATE SEQUENCE credit_note_seq")
    op.execute("ALTER SEQUENCE credit_note_seq RENAME TO credit_seq")
    op.execute("CREATE SEQUENCE credit_note_seq")


def downgrade():
    op.execute("DROP SEQUENCE credit_note_seq")
    op.execute("DROP SEQUENCE credit_seq")
    op.execute("DROP SEQUENCE order_line_seq")
    op.execute("DROP SEQUENCE invoice_number_seq")
    op.execute("DROP SEQUENCE order_number_seq")
