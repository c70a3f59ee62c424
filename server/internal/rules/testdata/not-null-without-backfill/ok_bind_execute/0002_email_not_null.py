"""users.email not null, backfilled through the connection

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    connection = op.get_bind()
    connection.execute(
        sa.text("""
            UPDATE users
            SET email = 'user-' || id || '@example.invalid'
            WHERE email IS NULL
        """)
    )
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=False)


def downgrade():
    op.alter_column('users', 'email', existing_type=sa.VARCHAR(length=200), nullable=True)
