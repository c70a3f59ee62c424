"""alerts and their latest copies

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("alerts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("tenant", sa.String(40)))
    op.create_table("latest_alerts", sa.Column("tenant", sa.String(40), primary_key=True), sa.Column("alert_id", sa.Integer()))


def downgrade():
    op.drop_table("latest_alerts")
    op.drop_table("alerts")
