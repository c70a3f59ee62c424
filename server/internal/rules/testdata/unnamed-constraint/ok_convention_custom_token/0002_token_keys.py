"""token keys

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(None, "tokens", "apps", ["app_id"], ["id"], ondelete="CASCADE")
    op.create_unique_constraint(None, "tokens", ["app_id", "scopes"])


def downgrade():
    op.drop_constraint("uq_tokens_app_id_scopes", "tokens", type_="unique")
    op.drop_constraint("fk_tokens_app_id_apps", "tokens", type_="foreignkey")
