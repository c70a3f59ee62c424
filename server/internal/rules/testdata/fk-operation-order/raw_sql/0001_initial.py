"""initial

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("authors", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("books", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id")))
    op.create_table("publishers", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("editions", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("publisher_id", sa.Integer(), sa.ForeignKey("publishers.id")))
    op.create_table("shops", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("stock", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("shop_id", sa.Integer(), sa.ForeignKey("shops.id")))
    op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("pets", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("owner_id", sa.Integer(), sa.ForeignKey("owners.id")))


def downgrade():
    op.drop_table("pets")
    op.drop_table("owners")
    op.drop_table("stock")
    op.drop_table("shops")
    op.drop_table("editions")
    op.drop_table("publishers")
    op.drop_table("books")
    op.drop_table("authors")
