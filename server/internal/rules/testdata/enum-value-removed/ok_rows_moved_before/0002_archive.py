"""archived orders move to a table of their own, by ids the SQL is built from

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("archived_order", sa.Column("id", sa.Integer(), primary_key=True))
    rows = op.get_bind().execute(sa.text("SELECT id FROM orders WHERE status = 'archived'")).fetchall()
    ids = ",".join(str(row.id) for row in rows)
    if ids:
        op.execute(f"INSERT INTO archived_order (id) SELECT id FROM orders WHERE id IN ({ids})")
        op.execute(f"DELETE FROM orders WHERE id IN ({ids})")


def downgrade():
    op.drop_table("archived_order")
