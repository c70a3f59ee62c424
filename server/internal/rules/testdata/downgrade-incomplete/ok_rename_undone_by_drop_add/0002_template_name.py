"""name becomes template_name; the downgrade brings the column back by drop + add

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("block", "name", new_column_name="template_name")


def downgrade():
    op.add_column("block", sa.Column("name", sa.Text(), nullable=True))
    op.drop_column("block", "template_name")
