"""gadget size, through the session

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

from garage.ext import db  # expect[app-model-import]: Flask-SQLAlchemy object `garage.ext.db`, used as `db.session.execute(...)`

revision = "0002"
down_revision = "0001"


def upgrade():
    engine = db.get_engine()
    if "size" not in [c["name"] for c in sa.inspect(engine).get_columns("gadgets")]:
        op.add_column("gadgets", sa.Column("size", sa.Integer(), nullable=True))
    db.session.execute(sa.text("UPDATE gadgets SET size = 1"))


def downgrade():
    pass
