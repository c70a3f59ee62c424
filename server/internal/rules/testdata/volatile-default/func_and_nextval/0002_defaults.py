"""volatile defaults

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
    op.add_column("users", sa.Column("seen_at", sa.DateTime(timezone=True), server_default=sa.func.clock_timestamp()))  # expect[volatile-default]: clock_timestamp()
    op.execute("CREATE SEQUENCE users_number_seq")
    op.add_column(  # expect[volatile-default]: nextval()
        "users",
        sa.Column("number", sa.BigInteger(), server_default=sa.text("nextval('users_number_seq'::regclass)"), nullable=False),
    )


def downgrade():
    op.drop_column("users", "number")
    op.execute("DROP SEQUENCE users_number_seq")
    op.drop_column("users", "seen_at")
