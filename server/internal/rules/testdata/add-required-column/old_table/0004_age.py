"""a required age on a table three revisions old; and on one its parent created

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("age", sa.Integer(), nullable=False))  # expect[add-required-column:error]: NOT NULL and no server_default
    op.add_column("step_3", sa.Column("kind", sa.Integer(), nullable=False))  # expect[add-required-column:warning]: help: Revision 0003, just below, created "step_3" and wrote no rows into it


def downgrade():
    op.drop_column("step_3", "kind")
    op.drop_column("users", "age")
