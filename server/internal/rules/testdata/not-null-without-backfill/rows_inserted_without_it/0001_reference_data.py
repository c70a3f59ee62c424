"""currencies and units, with their rows

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "currencies",
        sa.Column("code", sa.String(3), primary_key=True),
        sa.Column("name", sa.String(40), nullable=True),
        sa.Column("symbol", sa.String(3), nullable=True),
    )
    op.execute("INSERT INTO currencies (code, symbol) VALUES ('EUR', '€')")
    op.execute("INSERT INTO currencies (code, name, symbol) VALUES ('CHF', 'Swiss franc', NULL)")
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("label", sa.String(10), nullable=True),
    )
    units = sa.table("units", sa.column("id", sa.Integer()), sa.column("label", sa.String()))
    op.bulk_insert(units, [{"id": 1, "label": "kg"}, {"id": 2, "label": "g"}])


def downgrade():
    op.drop_table("units")
    op.drop_table("currencies")
