"""the view again, with another query

Revision ID: 0003
Revises: 0002
"""
from alembic import op

from app.sql import NamedQuery

revision = "0003"
down_revision = "0002"

member_report = NamedQuery("member_report", "SELECT id, upper(name) AS name FROM members")


def upgrade():
    op.execute(f"DROP VIEW {member_report.name}")
    op.execute(f"CREATE OR REPLACE VIEW {member_report.name} AS {member_report.sql}")


def downgrade():
    op.execute(f"DROP VIEW {member_report.name}")
