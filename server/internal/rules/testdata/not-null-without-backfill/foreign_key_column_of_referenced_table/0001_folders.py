"""owners, folders and files

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("owners", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "folders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("owners.id", name="fk_folders_owner"), nullable=True),
    )
    op.create_table(
        "files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("folder_id", sa.Integer(), sa.ForeignKey("folders.id", name="fk_files_folder"), nullable=False),
    )


def downgrade():
    op.drop_table("files")
    op.drop_table("folders")
    op.drop_table("owners")
