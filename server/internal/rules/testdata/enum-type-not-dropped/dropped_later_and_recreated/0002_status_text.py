"""status becomes text; the downgrade makes the type again

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
    op.alter_column("builds", "status", type_=sa.Text(), postgresql_using="status::text")
    op.execute("DROP TYPE IF EXISTS buildstatus")


def downgrade():
    op.execute("CREATE TYPE buildstatus AS ENUM ('queued', 'done')")
    op.alter_column("builds", "status", type_=sa.Enum("queued", "done", name="buildstatus"), postgresql_using="status::buildstatus")
