"""status becomes text; the type goes unless the database URL is SQLite's

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
    conn = op.get_bind()
    if not str(conn.engine.url).startswith("sqlite"):
        op.alter_column("builds", "status", type_=sa.Text(), existing_type=sa.Enum("queued", "done", name="buildstatus"))
        conn.execute(sa.text("DROP TYPE buildstatus"))


def downgrade():
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        # names the type, but alter_column never creates one
        op.alter_column("builds", "status", existing_type=sa.Text(), type_=sa.Enum("queued", "done", name="buildstatus"))
