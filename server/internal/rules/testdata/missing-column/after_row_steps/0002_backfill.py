"""backfill run ids and login counts: rows only, through the ORM and a Core statement

Revision ID: 0002
Revises: 0001
"""
import uuid

from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

revision = "0002"
down_revision = "0001"


def upgrade():
    session = Session(bind=op.get_bind())
    jobs = sa.Table("jobs", sa.MetaData(), autoload_with=op.get_bind())
    for job in session.query(jobs):
        job.run_id = str(uuid.uuid4())
    session.commit()
    users = sa.table("users", sa.column("logins", sa.Integer))
    op.get_bind().execute(users.update().where(users.c.logins.is_(None)).values(logins=0))


def downgrade():
    pass
