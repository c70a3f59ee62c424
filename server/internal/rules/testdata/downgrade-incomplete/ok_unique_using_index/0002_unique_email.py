"""unique e-mails: the index is built first, then the constraint takes it over

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("CREATE UNIQUE INDEX ix_users_email ON users (email)")
    op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX ix_users_email")


def downgrade():
    op.drop_constraint("uq_users_email", "users", type_="unique")
