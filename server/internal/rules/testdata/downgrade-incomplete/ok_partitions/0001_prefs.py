"""preferences, partitioned by raw SQL

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "prefs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("is_latest", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", "is_latest"),
        postgresql_partition_by="LIST (is_latest)",
    )
    op.execute(
        """
        CREATE TABLE prefs_current
        PARTITION OF prefs
        FOR VALUES IN (true);
        """
    )
    op.execute("CREATE TABLE prefs_historic PARTITION OF prefs FOR VALUES IN (false)")


def downgrade():
    op.drop_table("prefs")
