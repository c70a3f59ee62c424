"""backfill trigger configs with the migration's own frozen model

Revision ID: 0001
Revises:
"""
from alembic import op
from peewee import TextField

from shop.database import BaseModel

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


class TriggerAtThisRevision(BaseModel):
    config = TextField()

    class Meta:
        table_name = "trigger"


def upgrade():
    for trigger in TriggerAtThisRevision.select():
        trigger.save()


def downgrade():
    pass
