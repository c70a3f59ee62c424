"""trailing slashes, through the session env.py migrates with (not reported) and another (reported)

Revision ID: 0001
Revises:
"""
from alembic import op

from cms import DBSession
from cms import OtherSession  # expect[app-model-import]: the application's session `cms.OtherSession`

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    DBSession.execute("UPDATE nodes SET path = path || '/' WHERE path NOT LIKE '%/'")
    OtherSession.execute("UPDATE nodes SET path = path || '/' WHERE path NOT LIKE '%/'")


def downgrade():
    pass
