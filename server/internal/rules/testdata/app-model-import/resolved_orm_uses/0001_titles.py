"""titles

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import orm

from library.db import db  # expect[app-model-import]: Flask-SQLAlchemy object `library.db.db`, used as `db.session.execute
from library.models import Book  # expect[app-model-import]: ORM model `library.models.Book`, used as `session.query(Book)`
from library import models  # expect[app-model-import]: ORM model `library.models.Shelf`, used as `models.Shelf.query
from library.models import loan_items  # expect[app-model-import]: table `library.models.loan_items`
from library.heroes import Hero  # expect[app-model-import]: ORM model `library.heroes.Hero`, used as `session.add(Hero(...))`

revision = "0001"
down_revision = None


def upgrade():
    op.add_column("books", sa.Column("title_sort", sa.String(), nullable=True))
    session = orm.Session(bind=op.get_bind())
    for book in session.query(Book):
        book.title_sort = book.title.lower()
    for shelf in models.Shelf.query.all():
        shelf.id = shelf.id
    session.execute(loan_items.delete())
    session.add(Hero(name="x"))
    db.session.execute(sa.text("SELECT 1"))


def downgrade():
    op.drop_column("books", "title_sort")
