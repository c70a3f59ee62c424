"""login, handle, nickname and seat are required; handle becomes unique

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("accounts", "login", existing_type=sa.Text(), nullable=False)  # expect[not-null-without-backfill]: nothing before it fills help: SET login = <a value of its own> WHERE login IS NULL") ("login" is unique: one value for every NULL row fails on the second)$
    op.alter_column("accounts", "handle", existing_type=sa.Text(), nullable=False)  # expect[not-null-without-backfill]: nothing before it fills help: SET handle = <a value of its own> WHERE
    op.alter_column("accounts", "nickname", existing_type=sa.Text(), nullable=False)  # expect[not-null-without-backfill]: nothing before it fills help: SET nickname = <value> WHERE nickname IS NULL")$
    op.alter_column("accounts", "seat", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill]: nothing before it fills help: SET seat = <value> WHERE seat IS NULL") ("seat" is part of the unique key (team, seat): NULL rows that share the other columns need values of their own)
    # the key that takes slot in comes later: when slot is filled, rows
    # still differ in (region, zone), so one value serves every NULL row
    op.alter_column("accounts", "slot", existing_type=sa.Integer(), nullable=False)  # expect[not-null-without-backfill]: nothing before it fills help: SET slot = <value> WHERE slot IS NULL")$
    op.create_unique_constraint("uq_accounts_handle", "accounts", ["handle"])
    op.drop_constraint("uq_accounts_region_zone", "accounts", type_="unique")
    op.create_unique_constraint("uq_accounts_region_slot_zone", "accounts", ["region", "slot", "zone"])


def downgrade():
    op.drop_constraint("uq_accounts_region_slot_zone", "accounts", type_="unique")
    op.create_unique_constraint("uq_accounts_region_zone", "accounts", ["region", "zone"])
    op.drop_constraint("uq_accounts_handle", "accounts", type_="unique")
