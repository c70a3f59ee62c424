"""encrypt credentials

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    # the plain values cannot be converted to ciphertext in SQL
    op.drop_column("credential", "secret")
    op.add_column("credential", sa.Column("secret", sa.LargeBinary(), nullable=True))


def downgrade():
    # Some information loss, but this is ok: the downgrade should not allow decryption
    op.drop_column("credential", "token")
    op.add_column("credential", sa.Column("token", sa.Text(), nullable=True))
    op.drop_column("credential", "secret")
    op.add_column("credential", sa.Column("secret", postgresql.JSONB(), nullable=True))
