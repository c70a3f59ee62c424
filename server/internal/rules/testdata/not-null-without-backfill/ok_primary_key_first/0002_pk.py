"""the key column is NOT NULL since the primary key

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_primary_key("tokens_pkey", "tokens", ["code"])
    op.alter_column("tokens", "code", existing_type=sa.Text(), nullable=False)
    op.execute("ALTER TABLE codes ADD PRIMARY KEY (code)")
    op.alter_column("codes", "code", existing_type=sa.Text(), nullable=False)


def downgrade():
    op.execute("ALTER TABLE codes DROP CONSTRAINT codes_pkey")
    op.drop_constraint("tokens_pkey", "tokens", type_="primary")
