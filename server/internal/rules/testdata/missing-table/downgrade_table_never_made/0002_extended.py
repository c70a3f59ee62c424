"""extended report data; the downgrade swaps the words of the table's name

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table("extended_report_data", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("report_id", sa.Integer()))
    op.create_index(op.f("ix_extended_report_data_report_id"), "extended_report_data", ["report_id"])


def downgrade():
    op.drop_index(op.f("ix_report_extended_data_report_id"), table_name="report_extended_data")
    op.drop_table("report_extended_data")  # expect[missing-table]: drop_table("report_extended_data") names a table that does not exist help: upgrade() creates "extended_report_data", which this downgrade has not dropped yet
