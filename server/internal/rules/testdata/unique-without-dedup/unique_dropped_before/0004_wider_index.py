"""a wider unique index in place of the narrower one

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade():
    # serial is unique when this upgrade starts: the drop lets no duplicate in before the wider index
    op.drop_index("ix_codes_serial", table_name="codes")
    op.create_index("ix_codes_serial_region", "codes", ["serial", "region"], unique=True)


def downgrade():
    op.drop_index("ix_codes_serial_region", table_name="codes")
    op.create_index("ix_codes_serial", "codes", ["serial"], unique=False)  # not as it was: the history knows it was unique
