"""brand colour and domain

Revision ID: 0001_brand_colour_domain
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001_brand_colour_domain"
down_revision = None


def upgrade():
    op.create_table("brand", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("colour", sa.String(7)))


def downgrade():
    op.drop_table("brand")
