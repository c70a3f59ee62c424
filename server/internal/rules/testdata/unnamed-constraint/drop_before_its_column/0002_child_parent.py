"""child.parent_id references parent, as autogenerate writes it; toy.owner_id references child, and the downgrade reads it after dropping its key

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("child", sa.Column("parent_id", sa.Integer(), nullable=True))
    op.create_foreign_key(None, "child", "parent", ["parent_id"], ["id"])  # expect[unnamed-constraint:info]
    op.add_column("toy", sa.Column("owner_id", sa.Integer(), nullable=True))
    op.create_foreign_key(None, "toy", "child", ["owner_id"], ["id"])  # expect[unnamed-constraint:info]


def downgrade():
    op.drop_constraint(None, "child", type_="foreignkey")  # expect[unnamed-constraint:error]: help: drop it by that name. Or delete this line: the drop_column of "parent_id" at line 22 drops the column, and PostgreSQL drops the constraint with it.
    op.drop_column("child", "parent_id")
    op.drop_constraint(None, "toy", type_="foreignkey")  # expect[unnamed-constraint:error]: help: drop it by that name. A MetaData
    op.execute("UPDATE toy SET label = 'orphan' WHERE owner_id IS NOT NULL")
    op.drop_column("toy", "owner_id")
