"""link retrievals to feedback

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
    op.add_column("retrievals", sa.Column("feedback_id", sa.Integer(), nullable=False))  # expect[add-required-column:warning]: help: It is a foreign key: no constant server_default is valid
    op.create_foreign_key("fk_retrievals_feedback", "retrievals", "feedback", ["feedback_id"], ["id"])


def downgrade():
    op.drop_constraint("fk_retrievals_feedback", "retrievals", type_="foreignkey")
    op.drop_column("retrievals", "feedback_id")
