"""copy task results kept by Celery's result backend

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import orm

from celery.backends.database import Task

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("datasets", sa.Column("task_state", sa.String(50), nullable=True))
    session = orm.Session(bind=op.get_bind())
    for task in session.query(Task).all():
        session.execute(sa.text("UPDATE datasets SET task_state = :s WHERE task_id = :t"), {"s": task.status, "t": task.task_id})


def downgrade():
    op.drop_column("datasets", "task_state")
