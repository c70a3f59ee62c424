"""backfill trigger configs with the migration's own frozen model, whose key points at today's Rule

Revision ID: 0001
Revises:
"""
from alembic import op
from peewee import ForeignKeyField, TextField

from shop.database import BaseModel, Rule  # expect[app-model-import:info]: imports the application's ORM model `shop.database.Rule`, used as `ForeignKeyField(Rule)`, only as a foreign key's target help: Declare in the migration a model of the table as it is at this revision

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


class TriggerAtThisRevision(BaseModel):
    config = TextField()
    rule = ForeignKeyField(Rule)

    class Meta:
        table_name = "trigger"


def upgrade():
    for trigger in TriggerAtThisRevision.select():
        trigger.save()


def downgrade():
    pass
