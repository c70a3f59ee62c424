"""ledgers

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("ledgers", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("code", sa.String(20)))
    op.create_index("ledgers_code", "ledgers", ["code"], unique=True)
    op.create_index("ledgers_code_id", "ledgers", ["code", "id"])
    op.create_index("ledgers_id_code", "ledgers", ["id", "code"])


def downgrade():
    # MySQL: DROP INDEX ledgers_code ON no_table
    op.drop_index("ledgers_code")  # expect[invalid-op-argument:error]: drop_index without table_name on MySQL help: Name the table: op.drop_index("ledgers_code", table_name="ledgers")
    with op.batch_alter_table("ledgers") as batch_op:
        batch_op.drop_index("ledgers_code_id")
    op.drop_index("ledgers_id_code", table_name="ledgers")
    op.drop_table("ledgers")
