"""drop archived

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.execute('ALTER TYPE "org-tier" RENAME TO "org-tier_old"')
    op.execute("""CREATE TYPE "org-tier" AS ENUM ('pending', 'shipped')""")
    op.execute('ALTER TABLE orders ALTER COLUMN status TYPE "org-tier" USING status::text::"org-tier"')  # expect[enum-value-removed]: help: invalid input value for enum "org-tier": "archived"
    op.execute('DROP TYPE "org-tier_old"')


def downgrade():
    op.execute("""ALTER TYPE "org-tier" ADD VALUE IF NOT EXISTS 'archived'""")
