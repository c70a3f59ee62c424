"""columns filled for every existing row

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("users", sa.Column("number", sa.BigInteger(), sa.Identity()))  # expect[volatile-default]: add_column adds "number" to existing table "users" as an identity column, which rewrites the table
    op.add_column("users", sa.Column("doubled", sa.Integer(), sa.Computed("id * 2")))  # expect[volatile-default]: as a stored generated column
    op.add_column("audit", sa.Column("legacy_id", sa.Integer(), primary_key=True))  # expect[volatile-default]: add_column adds "legacy_id" to existing table "audit" as a serial column help: SERIAL and identity columns draw one from their sequence
    op.execute("CREATE SEQUENCE audit_seq")
    op.add_column("audit", sa.Column("seq", sa.Integer(), server_default=sa.Sequence("audit_seq").next_value()))  # expect[volatile-default]: with volatile server_default nextval()
    # rendered INTEGER (no default): nothing filled
    op.add_column("audit", sa.Column("plain_seq", sa.Integer(), sa.Sequence("audit_seq")))
    op.add_column("audit", sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True, nullable=True))
    op.add_column("audit", sa.Column("code", sa.Integer(), primary_key=True, autoincrement=False, nullable=True))
    op.add_column("audit", sa.Column("name", sa.String(), primary_key=True, nullable=True))
    op.create_table("tags", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("tags", sa.Column("number", sa.Integer(), sa.Identity()))


def downgrade():
    op.drop_table("tags")
    op.drop_column("audit", "name")
    op.drop_column("audit", "code")
    op.drop_column("audit", "user_id")
    op.drop_column("audit", "plain_seq")
    op.drop_column("audit", "seq")
    op.execute("DROP SEQUENCE audit_seq")
    op.drop_column("audit", "legacy_id")
    op.drop_column("users", "doubled")
    op.drop_column("users", "number")
