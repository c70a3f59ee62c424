"""constraints in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE audit ADD COLUMN user_id int")
    op.execute("ALTER TABLE audit ADD CONSTRAINT fk_audit_user FOREIGN KEY (user_id) REFERENCES users (id)")  # expect[constraint-not-valid]: ADD CONSTRAINT "fk_audit_user" FOREIGN KEY on existing table "audit" checks every existing row help: SHARE ROW EXCLUSIVE on both "audit" and "users"
    op.execute("ALTER TABLE users ADD CONSTRAINT ck_users_id CHECK (id > 0)")  # expect[constraint-not-valid]: help: ALTER TABLE users VALIDATE CONSTRAINT ck_users_id


def downgrade():
    op.execute("ALTER TABLE users DROP CONSTRAINT ck_users_id")
    op.execute("ALTER TABLE audit DROP CONSTRAINT fk_audit_user, DROP COLUMN user_id")
