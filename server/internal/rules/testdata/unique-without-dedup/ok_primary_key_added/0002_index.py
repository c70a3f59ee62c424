"""a unique index on the primary key's columns, in another order

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("replicas_path_site_idx", "replicas", ["path", "site_id"], unique=True)


def downgrade():
    op.drop_index("replicas_path_site_idx", table_name="replicas")
