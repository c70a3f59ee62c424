"""second

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"



def upgrade():
    op.create_table("staging", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO staging SELECT id FROM users; TRUNCATE staging")
    op.execute("DELETE FROM orders WHERE id < 100")
    op.execute(f"TRUNCATE {TABLE}")


def downgrade():
    op.drop_table("staging")
