"""a view whose name and query the application defines

Revision ID: 0002
Revises: 0001
"""
from alembic import op

from app.sql import NamedQuery

revision = "0002"
down_revision = "0001"

member_report = NamedQuery("member_report", "SELECT id, name FROM members")


def upgrade():
    op.execute(f"CREATE VIEW {member_report.name} AS {member_report.sql}")


def downgrade():
    op.execute(f"DROP VIEW {member_report.name}")
