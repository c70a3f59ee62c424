"""stats; conditional upgrade, SQL downgrade through an f-string of a module constant

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"

TABLE = "stats"


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.create_index("ix_reports_pg", "reports", ["id"], postgresql_using="brin")  # expect[downgrade-incomplete]: index "ix_reports_pg" is created by upgrade() but downgrade() never drops it
    op.create_table(TABLE, sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("reports", sa.Column("total", sa.Integer()))


def downgrade():
    op.execute(f"DROP TABLE {TABLE}")
    op.drop_column("reports", "total")
