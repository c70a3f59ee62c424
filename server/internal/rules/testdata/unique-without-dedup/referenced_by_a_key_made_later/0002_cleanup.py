"""webhook keys are unique; replies reference their webhook

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("ix_webhooks_key", "webhooks", ["key"], unique=True)  # expect[unique-without-dedup:warning]: existing rows not deduplicated first help: Merge the duplicates first: point the rows that refer to them at the row you keep, then delete the others. The foreign key to this table that the upgrade makes later (of "webhook_replies" at line 20) fails on a row left pointing at a deleted duplicate.$
    op.create_table(
        "webhook_logs",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("webhook_id", sa.String(), nullable=True),
    )
    op.create_foreign_key("webhook_replies_webhook_id_fkey", "webhook_replies", "webhooks", ["webhook_id"], ["id"])
    op.create_foreign_key("webhook_logs_webhook_id_fkey", "webhook_logs", "webhooks", ["webhook_id"], ["id"])


def downgrade():
    op.drop_constraint("webhook_logs_webhook_id_fkey", "webhook_logs", type_="foreignkey")
    op.drop_constraint("webhook_replies_webhook_id_fkey", "webhook_replies", type_="foreignkey")
    op.drop_table("webhook_logs")
    op.drop_index("ix_webhooks_key", table_name="webhooks")
