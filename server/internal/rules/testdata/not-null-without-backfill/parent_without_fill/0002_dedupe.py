"""remove duplicate roles

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("""
        DELETE FROM roles WHERE id IN (
            SELECT id FROM (
                SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY role_name DESC) AS n FROM roles
            ) t WHERE t.n > 1
        )
    """)
    op.add_column("roles", sa.Column("scope", sa.String(20), nullable=True))


def downgrade():
    op.drop_column("roles", "scope")
