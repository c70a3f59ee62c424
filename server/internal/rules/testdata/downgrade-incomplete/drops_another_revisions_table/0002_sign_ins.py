"""sign-in events

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
    op.create_table(  # expect[downgrade-incomplete:error]: table "sign_ins" is created by upgrade() but downgrade() drops "api_keys" instead help: a table revision 0001 creates
        "sign_ins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
    )


def downgrade():
    op.execute("DROP TABLE api_keys")
