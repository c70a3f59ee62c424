"""contacts, managers with two contacts, and properties (the downgrade drops contacts first)

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("contacts", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "managers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("main_contact_id", sa.Integer(), sa.ForeignKey("contacts.id", name="managers_main_contact_id_fkey")),
        sa.Column("backup_contact_id", sa.Integer(), sa.ForeignKey("contacts.id", name="managers_backup_contact_id_fkey")),
    )
    op.create_table(
        "properties",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("manager_id", sa.Integer(), sa.ForeignKey("managers.id", name="properties_manager_id_fkey")),
    )


def downgrade():
    op.drop_table("contacts")  # expect[fk-operation-order]: drop_table("contacts") runs while table "managers" still has a foreign key to it help: Drop its foreign keys "managers_main_contact_id_fkey", "managers_backup_contact_id_fkey" first: "managers" itself cannot go first
    op.drop_table("properties")
    op.drop_table("managers")
