"""external numbers and codes, unique: a constant for every row fails on the second

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("gadgets", sa.Column("ext_no", sa.BigInteger(), nullable=False))  # expect[add-required-column]: help: No server_default is right: "ext_no" is unique by the end of upgrade(), and one constant for every row fails on the second. Add it nullable=True, give each row a value of its own
    op.create_index("ix_gadgets_ext_no", "gadgets", ["ext_no"], unique=True)
    op.add_column("gadgets", sa.Column("code", sa.String(), nullable=False))  # expect[add-required-column]: help: Mind the unique (code, rev) by the end of upgrade(): one constant in "code" fails wherever rows repeat the other columns. On a table with rows the add_column at line 14 fails first, the same way.$
    op.create_unique_constraint("uq_gadgets_code_rev", "gadgets", ["code", "rev"])


def downgrade():
    op.drop_constraint("uq_gadgets_code_rev", "gadgets", type_="unique")
    op.drop_column("gadgets", "code")
    op.drop_index("ix_gadgets_ext_no", table_name="gadgets")
    op.drop_column("gadgets", "ext_no")
