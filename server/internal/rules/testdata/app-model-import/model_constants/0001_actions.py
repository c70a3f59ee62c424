"""seed the actions with the model's constants, read its table through the model, and name it through the model

Revision ID: 0001
Revises:
"""
from alembic import op

from perms.models import UnitAction
from perms.models import UnitAction as Action  # expect[app-model-import]: the application's ORM model `perms.models.UnitAction`
from perms.models import UnitAction as Named  # expect[app-model-import:info]: only for its table name help: Write the table's name at this revision as a string

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    for action in UnitAction.ACTIONS + [UnitAction.CREATE]:
        op.execute(f"INSERT INTO unit_action (action_type) VALUES ('{action}')")
    op.execute(Action.__table__.delete())
    op.execute(f"DELETE FROM {Named.__tablename__} WHERE action_type IS NULL")


def downgrade():
    op.execute("DELETE FROM unit_action")
