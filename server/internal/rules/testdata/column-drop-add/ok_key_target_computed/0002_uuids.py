"""ids become text: the keys pointing at them are dropped and added again, their targets computed

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
foreign_keys = [("package_extra", "package_id")]


def upgrade():
    for table, column in foreign_keys:
        op.drop_column(table, column)
    op.alter_column("package", "id", type_=sa.UnicodeText, server_default=None)
    for table, column in foreign_keys:
        op.add_column(table, sa.Column(column, sa.UnicodeText, sa.ForeignKey(column.replace("_", "."))))


def downgrade():
    for table, column in foreign_keys:
        op.drop_column(table, column)
    op.drop_column("package", "id")
    op.add_column("package", sa.Column("id", sa.Integer, primary_key=True))
    for table, column in foreign_keys:
        op.add_column(table, sa.Column(column, sa.Integer, sa.ForeignKey(column.replace("_", "."))))
