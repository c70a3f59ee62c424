"""suppression rules

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
    op.create_table("tag", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id"))
    op.add_column("tag", sa.Column("rule_id", sa.Integer(), nullable=True))
    op.create_table("rule", sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id"))
    op.create_foreign_key("tag_rule_id_fkey", "tag", "rule", ["rule_id"], ["id"])


def downgrade():
    op.drop_constraint("tag_rule_id_fkey", "tag", type_="foreignkey")
    op.drop_table("rule")
    op.drop_table("tag")
