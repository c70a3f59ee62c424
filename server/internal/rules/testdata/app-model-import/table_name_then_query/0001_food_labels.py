"""unique food names: read the table's name first, then query the model

Revision ID: 7c1d2e3f4a5b
Revises:
Create Date: 2026-11-20 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.models import Food  # expect[app-model-import]: the migration uses it as an ORM model (`session.query(Food)`)

revision = '7c1d2e3f4a5b'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(Food.__tablename__, sa.Column('label', sa.String(length=100), nullable=True))
    session = Session(bind=op.get_bind())
    for food in session.query(Food).all():
        food.label = food.name
    session.commit()


def downgrade():
    op.drop_column('foods', 'label')
