"""queue every registration again

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"


def upgrade():
    op.execute("TRUNCATE TABLE registrations CASCADE")
    op.execute("INSERT INTO registrations (user_id) SELECT id FROM users")


def downgrade():
    pass
