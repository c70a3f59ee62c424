"""tabs everywhere

Revision ID: 6d7e8f9a0b1c
Revises: 5c6d7e8f9a0b
"""
from alembic import op

revision = "6d7e8f9a0b1c"
down_revision = "5c6d7e8f9a0b"


def upgrade():
	op.create_table("tabbed")


def downgrade():
	# nothing to undo
	pass
