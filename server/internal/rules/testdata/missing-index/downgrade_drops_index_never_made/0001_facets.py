"""facets; the downgrade drops indexes the upgrade never made

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "facets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tenant_id", sa.String(40), nullable=False),
    )


def downgrade():
    with op.batch_alter_table("facets", schema=None) as batch_op:
        batch_op.drop_index("ix_facets_tenant_id")  # expect[missing-index]: "ix_facets_tenant_id" help: upgrade() creates "facets" without an index of that name, so nothing made it: delete this drop_index (or create the index in upgrade(), if the table needs it).$
    op.drop_table("facets")
