"""status gains a value, through a swap with a temporary type

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE buildstatus_tmp AS ENUM ('queued', 'running', 'done')")
    op.execute("ALTER TABLE builds ALTER COLUMN status TYPE buildstatus_tmp USING status::text::buildstatus_tmp")
    op.execute("DROP TYPE buildstatus")
    op.execute("ALTER TYPE buildstatus_tmp RENAME TO buildstatus")


def downgrade():
    op.execute("CREATE TYPE buildstatus_tmp AS ENUM ('queued', 'done')")
    op.execute("ALTER TABLE builds ALTER COLUMN status TYPE buildstatus_tmp USING status::text::buildstatus_tmp")
    op.execute("DROP TYPE buildstatus")
    op.execute("ALTER TYPE buildstatus_tmp RENAME TO buildstatus")
