"""group vulnerabilities by name or CVE; the type stays after a downgrade, and
the next upgrade skips creating it

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    group_by = sa.Enum("name", "cve", name="group_by")
    group_by.create(op.get_bind(), checkfirst=True)
    op.add_column("workspace", sa.Column("group_by", sa.Enum("name", "cve", name="group_by"), nullable=True))


def downgrade():
    op.drop_column("workspace", "group_by")
