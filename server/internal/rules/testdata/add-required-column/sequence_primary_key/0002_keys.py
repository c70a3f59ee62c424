"""primary keys that are not serial

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
    # a Sequence argument turns SERIAL off: INTEGER NOT NULL, no DEFAULT
    op.add_column("users", sa.Column("legacy_id", sa.Integer(), sa.Sequence("users_legacy_seq"), primary_key=True))  # expect[add-required-column:warning]: add_column("users", "legacy_id"): NOT NULL and no server_default on existing table
    op.add_column("users", sa.Column("account_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True))  # expect[add-required-column:warning]: add_column("users", "account_id")
    op.add_column("users", sa.Column("serial_id", sa.Integer(), sa.Sequence("users_serial_seq", optional=True), primary_key=True))
    op.add_column("users", sa.Column("owner_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True, autoincrement="ignore_fk"))


def downgrade():
    op.drop_column("users", "owner_id")
    op.drop_column("users", "serial_id")
    op.drop_column("users", "account_id")
    op.drop_column("users", "legacy_id")
