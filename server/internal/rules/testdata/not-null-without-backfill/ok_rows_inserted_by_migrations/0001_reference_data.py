"""calendar, currencies and units, with their rows

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "calendar",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("week", sa.Integer(), nullable=True),
        sa.Column("quarter", sa.Integer(), nullable=True),
    )
    op.execute(
        "INSERT INTO calendar SELECT d, EXTRACT(week FROM d), EXTRACT(quarter FROM d) "
        "FROM generate_series('2024-01-01'::date, '2034-12-31'::date, '1 day') AS d"
    )
    op.create_table(
        "currencies",
        sa.Column("code", sa.String(3), primary_key=True),
        sa.Column("name", sa.String(40), nullable=True),
    )
    op.execute("INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('CHF', 'Swiss franc')")
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
    op.drop_table("calendar")
