"""keys on columns the history made, an expression index, and a column added
in the same revision

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("subscriptions", sa.Column("started_at", sa.DateTime(), nullable=True))
    op.create_index("ix_subscriptions_started", "subscriptions", ["started_at", "plan_code"])
    op.create_index("ix_subscriptions_plan_lower", "subscriptions", ["lower(plan_code)"])
    op.create_index("ix_subscriptions_plan_text", "subscriptions", [sa.text("upper(plan_code)")])
    op.create_unique_constraint("uq_plans_code", "plans", ["code"])
    op.create_foreign_key("fk_subscriptions_plan_2", "subscriptions", "plans", ["plan_code"], ["code"])
    op.create_foreign_key("fk_audit_plan", "audit", "plans", ["plan_code"], ["code"])  # audit comes from outside the history


def downgrade():
    op.drop_constraint("fk_audit_plan", "audit", type_="foreignkey")
    op.drop_constraint("fk_subscriptions_plan_2", "subscriptions", type_="foreignkey")
    op.drop_constraint("uq_plans_code", "plans", type_="unique")
    op.drop_index("ix_subscriptions_plan_text", table_name="subscriptions")
    op.drop_index("ix_subscriptions_plan_lower", table_name="subscriptions")
    op.drop_index("ix_subscriptions_started", table_name="subscriptions")
    op.drop_column("subscriptions", "started_at")
