"""the column becomes one the application encrypts: no cast in SQL could give it ciphertext

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
import sqlalchemy_utils

revision = "0002"
down_revision = "0001"


def upgrade():
    op.drop_column("cfs_account", "bank_account_number")
    op.add_column("cfs_account", sa.Column("bank_account_number", sqlalchemy_utils.types.encrypted.encrypted_type.StringEncryptedType(), nullable=True))


def downgrade():
    op.drop_column("cfs_account", "bank_account_number")
    op.add_column("cfs_account", sa.Column("bank_account_number", sa.String(50), nullable=True))
