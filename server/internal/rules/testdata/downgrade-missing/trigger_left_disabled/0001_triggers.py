"""stop the audit trigger

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.execute("ALTER TABLE registrations DISABLE TRIGGER audit_registrations")


def downgrade():  # expect[downgrade-missing]: does nothing
    pass
