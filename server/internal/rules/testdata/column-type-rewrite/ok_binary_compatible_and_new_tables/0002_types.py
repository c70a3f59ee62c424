"""type changes that keep the stored values

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("events", "code", existing_type=sa.String(100), type_=sa.String(200))
    op.alter_column("events", "code", existing_type=sa.String(200), type_=sa.Text())
    op.execute("ALTER TABLE events ALTER COLUMN body TYPE varchar")
    op.alter_column("events", "price", existing_type=sa.Numeric(10, 2), type_=sa.Numeric(12, 2))
    op.alter_column("events", "seen", existing_type=sa.DateTime(), type_=sa.DateTime(timezone=True))
    # no conversion without USING: type-change-without-using reports it
    op.alter_column("events", "doc", existing_type=sa.JSON(), type_=sa.Integer())
    op.alter_column("events", "count", type_=sa.Integer())
    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("n", sa.Integer()))
    op.alter_column("audit", "n", existing_type=sa.Integer(), type_=sa.BigInteger())
    op.execute("CREATE TABLE marks (n int); ALTER TABLE marks ALTER COLUMN n TYPE bigint")


def downgrade():
    pass
