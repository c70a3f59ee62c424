"""plans.code becomes plans.key; the downgrade makes the foreign key again
before it renames the column back

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_constraint("fk_subscriptions_plan", "subscriptions", type_="foreignkey")
    op.alter_column("plans", "code", new_column_name="key")
    op.create_foreign_key("fk_subscriptions_plan", "subscriptions", "plans", ["plan_code"], ["key"])
    op.create_index("ix_subscriptions_plan", "subscriptions", ["plan_kode"])  # expect[missing-column]: create_index names column "plan_kode", which table "subscriptions" does not have at this point help: It fails with: column "plan_kode" does not exist.


def downgrade():
    op.drop_index("ix_subscriptions_plan", table_name="subscriptions")
    op.drop_constraint("fk_subscriptions_plan", "subscriptions", type_="foreignkey")
    op.create_foreign_key("fk_subscriptions_plan", "subscriptions", "plans", ["plan_code"], ["code"])  # expect[missing-column]: create_foreign_key references column "code", which table "plans" does not have at this point help: It fails with: column "code" referenced in foreign key constraint does not exist. The same function makes the column only later, at line 24: move this operation after that one.$
    op.alter_column("plans", "key", new_column_name="code")
