"""plans and subscriptions

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("plans", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("code", sa.String(20), unique=True))
    op.create_table("subscriptions", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("plan_code", sa.String(20)))
    op.create_foreign_key("fk_subscriptions_plan", "subscriptions", "plans", ["plan_code"], ["code"])


def downgrade():
    op.drop_table("subscriptions")
    op.drop_table("plans")
