"""an index on contact, unrelated to the email log (4)

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.create_index("ix_contact_user_id_4", "contact", ["user_id"])


def downgrade():
    op.drop_index("ix_contact_user_id_4", table_name="contact")
