"""orders

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note", sa.Text(), nullable=True),
    )


def downgrade():
    op.drop_table("orders")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("note")  # expect[table-used-after-drop]: drop_column after drop_table (line 24) in downgrade(): relation "orders" does not exist help: It fails with: relation "orders" does not exist. Move the drop_column
