"""data fixes guarded by dialect checks

Revision ID: 8b9c0d1e2f3a
Revises: 7a8b9c0d1e2f
"""
from alembic import op
import sqlalchemy as sa

revision = "8b9c0d1e2f3a"
down_revision = "7a8b9c0d1e2f"

TABLES = ["users", "orders"]


def upgrade():
    op.add_column("users", sa.Column("region", sa.String(8)))
    for table in TABLES:
        op.execute("ANALYZE %s" % table)
    else:
        op.drop_column("users", "loop_else")
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.create_index("ix_users_region", "users", ["region"])
    elif bind.dialect.name == "mysql":
        op.create_index("ix_users_region", "users", ["region"], mysql_length=8)
    else:
        op.drop_column("users", "region_fallback")
    while False:
        op.drop_table("while_body")
    try:
        op.drop_constraint("uq_users_region", "users", type_="unique")
    except Exception:
        op.drop_index("ix_users_region_old", table_name="users")
    else:
        op.drop_column("users", "try_else")
    finally:
        op.drop_column("users", "finally_block")
    match bind.dialect.name:
        case "sqlite":
            op.drop_column("users", "match_case")
        case _:
            pass
    op.alter_column("users", "region", nullable=False)
    if bind.dialect.name == "sqlite":
        return
    op.create_check_constraint("ck_region", "users", "length(region) > 0")


def downgrade():
    op.drop_constraint("ck_region", "users", type_="check")
    return
    op.drop_column("users", "region")
