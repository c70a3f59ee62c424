"""files move, and a list is filled: no schema changes

Revision ID: 0002
Revises: 0001
"""
import os

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    moved = {}
    rows = op.get_bind().execute(sa.text("SELECT id FROM orders")).fetchall()
    for row in rows:
        moved.setdefault("orders", []).append(row.id)
        moved["orders"].append(row.id)
        os.rename(f"uploads/{row.id}", f"files/{row.id}")
    done = set(moved)
    done.discard("orders")
    settings = {}
    settings.update(moved)


def downgrade():
    pass
