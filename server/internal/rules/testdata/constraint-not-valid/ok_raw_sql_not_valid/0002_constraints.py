"""constraints in SQL, NOT VALID

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TABLE audit ADD COLUMN user_id int")
    op.execute("ALTER TABLE audit ADD CONSTRAINT fk_audit_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID")
    op.execute("ALTER TABLE users ADD CONSTRAINT ck_users_id CHECK (id > 0) NOT VALID, ADD CONSTRAINT uq_users_id UNIQUE (id)")
    op.execute("CREATE TABLE tags (id int); ALTER TABLE tags ADD CONSTRAINT ck_tags CHECK (id > 0)")


def downgrade():
    op.execute("DROP TABLE tags")
    op.execute("ALTER TABLE users DROP CONSTRAINT uq_users_id, DROP CONSTRAINT ck_users_id")
    op.execute("ALTER TABLE audit DROP CONSTRAINT fk_audit_user, DROP COLUMN user_id")
