"""gauges, buckets and slots

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("gauge", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("bucket", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("slot_id", sa.Integer()))
    op.create_table(
        "slot",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("gauge_id", sa.Integer(), sa.ForeignKey("gauge.id", name="fk_slot_gauge")),
        sa.Column("bucket_id", sa.Integer(), sa.ForeignKey("bucket.id", name="fk_slot_bucket")),
    )
    op.create_foreign_key("fk_bucket_slot", "bucket", "slot", ["slot_id"], ["id"])


def downgrade():
    op.drop_table("bucket")  # expect[fk-operation-order]: help: Drop its foreign key "fk_slot_bucket" first: "slot" itself cannot go first, "bucket" still has a foreign key to it
    op.drop_table("gauge")  # expect[fk-operation-order]: help: Drop "slot" (or its foreign key) first
    op.drop_table("slot")
