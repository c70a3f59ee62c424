"""data

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("UPDATE users SET plan = 'free' WHERE plan IS NULL")
    op.execute("DELETE FROM sessions WHERE id < 100")
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("kind", sa.Text()))
    op.execute("INSERT INTO audit (id) VALUES (1); UPDATE audit SET kind = 'x'")
    op.execute(f"UPDATE users SET plan = '{PLAN}'")
    if op.get_context().config.get_main_option("optional_steps") == "on":
        op.execute("UPDATE users SET plan = lower(plan)")


def downgrade():
    op.drop_table("audit")
