"""audit log, op imported in each function

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    from alembic import op

    op.create_table("audit", sa.Column("id", sa.Integer(), primary_key=True))  # expect[downgrade-incomplete]: table "audit"
    op.create_index("ix_audit_id", "audit", ["id"])


def downgrade():
    import alembic.op as migrate

    migrate.drop_index("ix_audit_id", table_name="audit")
