"""invoice constraints

Revision ID: 2b3c4d5e6f70
Revises: 1a2b3c4d5e6f
"""
from typing import Sequence, Union

from alembic.op import create_check_constraint, create_foreign_key, drop_constraint

revision: str = "2b3c4d5e6f70"
down_revision: Union[str, None] = "1a2b3c4d5e6f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    create_foreign_key(  # expect[constraint-not-valid]: help: on both "app.invoices" and "app.accounts"
        "fk_invoices_account_id_accounts",
        "invoices",
        "accounts",
        ["account_id"],
        ["id"],
        source_schema="app",
        referent_schema="app",
        postgresql_not_valid=False,
    )
    create_check_constraint("ck_invoices_total", "invoices", "total >= 0", schema="app")  # expect[constraint-not-valid]: help: ALTER TABLE app.invoices VALIDATE CONSTRAINT ck_invoices_total


def downgrade() -> None:
    drop_constraint("ck_invoices_total", "invoices", schema="app", type_="check")
    drop_constraint("fk_invoices_account_id_accounts", "invoices", schema="app", type_="foreignkey")
