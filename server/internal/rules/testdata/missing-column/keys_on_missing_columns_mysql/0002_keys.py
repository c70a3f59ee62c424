"""keys on columns spelled otherwise than created

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_unique_constraint("uq_subscriptions_plan", "subscriptions", ["plan_id"])  # expect[missing-column]: help: Key column 'plan_id' doesn't exist in table (MySQL error 1072)
    op.create_foreign_key("fk_subscriptions_plan_2", "subscriptions", "plans", ["plan_code"], ["plan_code"])  # expect[missing-column]: references column "plan_code", which table "plans" does not have help: Missing column 'plan_code' for constraint 'fk_subscriptions_plan_2' in the referenced table 'plans'


def downgrade():
    op.drop_constraint("fk_subscriptions_plan_2", "subscriptions", type_="foreignkey")
    op.drop_constraint("uq_subscriptions_plan", "subscriptions", type_="unique")
