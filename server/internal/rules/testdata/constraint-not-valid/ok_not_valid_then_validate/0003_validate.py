"""validate child constraints

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE child VALIDATE CONSTRAINT fk_child_parent_id_parent")
    op.execute("ALTER TABLE child VALIDATE CONSTRAINT ck_child_parent_id")


def downgrade():
    pass
