"""development packages, indexed

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    with op.batch_alter_table("packages") as batch_op:
        batch_op.add_column(sa.Column("dev", sa.Boolean(), server_default=sa.text("false"), nullable=False))
        batch_op.create_index(batch_op.f("ix_packages_dev"), ["dev"], unique=False)


def downgrade():
    with op.batch_alter_table("packages") as batch_op:
        batch_op.drop_column("dev")
        batch_op.drop_index(batch_op.f("ix_packages_dev"))  # expect[missing-index]: "ix_packages_dev", which does not exist at this point help: the drop_column at line 21 took it along
