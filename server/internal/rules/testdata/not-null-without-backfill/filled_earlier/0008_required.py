"""source, priority, region, weight, handler, zone and carrier are required

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"


def upgrade():
    op.alter_column("shipments", "source", existing_type=sa.String(20), nullable=False)  # expect[not-null-without-backfill:info]: only rows written since revision "0003" may be NULL help: Revision "0003" set it on every row. A row the application wrote since then is NULL if it left the column empty
    op.alter_column("shipments", "priority", existing_type=sa.Boolean(), nullable=False)  # expect[not-null-without-backfill:info]: only rows written since revision "0003" may be NULL help: set it on every row
    op.alter_column("shipments", "region", existing_type=sa.String(10), nullable=False)  # expect[not-null-without-backfill:info]: only rows written since revision "0002" may be NULL help: added it with a server_default, which every row got. A row the application wrote since then is NULL if it wrote NULL into it
    op.alter_column("shipments", "weight", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill:warning]: revision "0003" set it on some rows only help: Revision "0003" set the column on some rows only: rows it left NULL
    op.alter_column("shipments", "handler", existing_type=sa.String(40), nullable=False)  # expect[not-null-without-backfill:warning]: revision "0003" set it to what may be NULL
    op.alter_column("shipments", "zone", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill:warning]: revision "0003" set it on some rows only
    op.alter_column("shipments", "carrier", existing_type=sa.String(40), nullable=False)  # expect[not-null-without-backfill:warning]: revision 0005 added it empty, and nothing fills it


def downgrade():
    pass
