"""profile image urls move into the details; the downgrade commits a session
nothing wrote through, which sends no SQL

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

from portal.models import db

revision = "0001"
down_revision = None


def upgrade():
    op.execute("UPDATE accounts SET details = details || jsonb_build_object('image_url', image_url)")
    op.drop_column("accounts", "image_url")


def downgrade():
    op.add_column("accounts", sa.Column("image_url", db.String(320), nullable=True))
    op.execute("UPDATE accounts SET image_url = details->>'image_url'")
    db.session.commit()
