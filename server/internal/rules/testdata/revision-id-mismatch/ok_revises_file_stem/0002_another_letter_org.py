"""another letter org: the header names the parent by its file's name, without .py

Revision ID: 0002_another_letter_org
Revises: 0001_brand_colour_domain_
"""
from alembic import op
import sqlalchemy as sa

revision = "0002_another_letter_org"
down_revision = "0001_brand_colour_domain"


def upgrade():
    op.add_column("brand", sa.Column("domain", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("brand", "domain")
