"""providers and their rates

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("provider", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.String(40)))
    op.create_table(
        "provider_rate",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("provider_id", sa.Integer(), sa.ForeignKey("provider.id", name="provider_rate_provider_fk")),
    )


def downgrade():
    op.drop_table("provider_rate")
    op.drop_table("provider")
