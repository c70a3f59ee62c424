"""users.email not null

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("email", nullable=False)
    op.drop_constraint("users_email_not_null", "users", type_="check")


def downgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.alter_column("email", nullable=True)
