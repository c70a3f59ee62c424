"""a serial number unique on its own, said in the Column

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"


def upgrade():
    op.add_column("parts", sa.Column("serial", sa.String(20), nullable=False, unique=True))  # expect[add-required-column]: help: No server_default is right: "serial" is unique by the end of upgrade(), and one constant for every row fails on the second.


def downgrade():
    op.drop_column("parts", "serial")
