"""the key column is NOT NULL since the primary key, which fails on its NULL rows

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_primary_key("tokens_pkey", "tokens", ["code"])  # expect[not-null-without-backfill:warning]: create_primary_key on table "tokens" makes "code" NOT NULL: nothing before it fills the NULL rows help: fails with: column "code" of relation "tokens" contains null values
    op.alter_column("tokens", "code", existing_type=sa.Text(), nullable=False)
    op.execute("ALTER TABLE codes ADD PRIMARY KEY (code)")  # expect[not-null-without-backfill:warning]: ADD PRIMARY KEY on table "codes" makes "code" NOT NULL help: contains null values
    op.alter_column("codes", "code", existing_type=sa.Text(), nullable=False)


def downgrade():
    op.execute("ALTER TABLE codes DROP CONSTRAINT codes_pkey")
    op.drop_constraint("tokens_pkey", "tokens", type_="primary")
