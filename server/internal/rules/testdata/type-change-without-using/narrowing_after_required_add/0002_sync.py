"""recipients lose their email, names get longer

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("recipients", "first_name", existing_type=sa.String(100), type_=sa.String(255))
    op.drop_column("recipients", "email")


def downgrade():
    op.add_column("recipients", sa.Column("email", sa.String(255), nullable=False))
    op.alter_column(  # expect[type-change-without-using:info]: help: On a table with rows the add_column at line 19 fails first
        "recipients", "first_name", existing_type=sa.String(255), type_=sa.String(100)
    )
