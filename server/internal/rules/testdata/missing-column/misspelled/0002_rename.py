"""a name spelled differently from the one created, also in a batch block

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("users", "e_mail", new_column_name="address")  # expect[missing-column]: alter_column names column "e_mail"
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.drop_column("userid")  # expect[missing-column]: drop_column names column "userid", which table "jobs"


def downgrade():
    pass
