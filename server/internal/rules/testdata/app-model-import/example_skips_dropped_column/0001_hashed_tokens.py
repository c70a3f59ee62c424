"""tokens keep a hash of their secret; the plain secret goes

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.models import Token  # expect[app-model-import]: help: e.g. tokens = sa.table("tokens", sa.column("secret_hash")); op.execute(tokens.update().values(secret_hash=...))$

revision = "0001"
down_revision = None


def upgrade():
    session = Session(bind=op.get_bind())
    for token in session.query(Token).all():
        token.secret_hash = token.secret_plain[::-1]
    session.commit()
    op.drop_column("tokens", "secret_plain")
    op.alter_column("tokens", "secret_hash", existing_type=sa.String(64), nullable=False)


def downgrade():
    op.add_column("tokens", sa.Column("secret_plain", sa.String(64), nullable=True))
