"""a third kind: PostgreSQL adds the value and returns; the other databases
rebuild the column in a batch

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    if op.get_bind().engine.name == "postgresql":
        op.execute("ALTER TYPE artifactkind ADD VALUE 'REGISTRY'")
        return

    new_kind = sa.Enum("LOG", "LOCKFILE", "REGISTRY", name="artifactkind")
    with op.batch_alter_table("artifacts") as batch_op:
        batch_op.alter_column("kind", type_=new_kind)


def downgrade():  # expect[downgrade-missing]: adds enum values without IF NOT EXISTS help: Write ADD VALUE IF NOT EXISTS in upgrade()
    pass
