"""backfill display names

Revision ID: 2b9e6f4c1a03
Revises:
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.models import User  # expect[app-model-import]: imports `User` from the application, and the migration uses it as an ORM model (`session.query(User)`)
from app import models  # expect[app-model-import]: help: not one made with create_all() and stamped). Describe what the migration needs with lightweight tables instead, e.g. users = sa.table('users', sa.column('display_name')); op.execute(users.update().values(display_name=...))$
from .models.orders import Order  # expect[app-model-import]: help: sa.table(

revision = '2b9e6f4c1a03'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('users', sa.Column('display_name', sa.String(length=100), nullable=True))
    session = Session(bind=op.get_bind())
    for user in session.query(User).all():
        user.display_name = user.name
    session.commit()
    op.execute(sa.update(models.Account.__table__).values(active=True))
    session.add(Order(total=0))


def downgrade():
    op.drop_column('users', 'display_name')
