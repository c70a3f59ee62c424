"""drop suppression rules

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
    op.drop_constraint("tag_rule_id_fkey", "tag", type_="foreignkey")
    op.drop_table("rule")


def downgrade():
    op.create_foreign_key("tag_rule_id_fkey", "tag", "rule", ["rule_id"], ["id"])  # expect[fk-operation-order]: only creates later help: PostgreSQL fails with: relation "rule" does not exist
    op.create_table("rule", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id"))
