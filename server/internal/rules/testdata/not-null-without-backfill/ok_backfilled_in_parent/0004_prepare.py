"""in preparation for the next migration: fill labels

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"


def upgrade():
    op.add_column("projects", sa.Column("label", sa.String(50), nullable=True))
    projects = sa.table("projects", sa.column("label", sa.String))
    op.execute(projects.update().where(projects.c.label.is_(None)).values(label="default"))


def downgrade():
    op.drop_column("projects", "label")
