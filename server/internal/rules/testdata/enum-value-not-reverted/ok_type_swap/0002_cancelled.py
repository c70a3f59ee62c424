"""add cancelled to status_type

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-20 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TYPE status_type ADD VALUE IF NOT EXISTS 'cancelled'")


def downgrade() -> None:
    op.execute("UPDATE orders SET status = NULL WHERE status = 'cancelled'")
    op.execute("ALTER TYPE status_type RENAME TO status_type_old")
    op.execute("CREATE TYPE status_type AS ENUM ('pending', 'shipped')")
    op.execute("ALTER TABLE orders ALTER COLUMN status TYPE status_type USING status::text::status_type")
    op.execute("DROP TYPE status_type_old")
