"""an index on contact, unrelated to the email log (3)

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.create_index("ix_contact_user_id_3", "contact", ["user_id"])


def downgrade():
    op.drop_index("ix_contact_user_id_3", table_name="contact")
