"""packages and their extras

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
foreign_keys = [("package_extra", "package_id")]


def upgrade():
    op.create_table("package", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("name", sa.Text()))
    for table, column in foreign_keys:
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column(column, sa.Integer(), sa.ForeignKey(column.replace("_", "."))),
        )


def downgrade():
    op.drop_table("package_extra")
    op.drop_table("package")
