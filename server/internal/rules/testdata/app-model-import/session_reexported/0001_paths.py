"""trailing slashes: the upgrade goes through the session env.py migrates with, imported from the module
that defines it; the downgrade reads the ORM model

Revision ID: 0001
Revises:
"""

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    from cms.resources import DBSession

    DBSession.execute("UPDATE nodes SET path = path || '/' WHERE path NOT LIKE '%/'")


def downgrade():
    from cms import DBSession
    from cms.resources import Node  # expect[app-model-import]: the application's ORM model `cms.resources.Node`, used as `DBSession.query(Node)` in downgrade()

    for node in DBSession.query(Node):
        node.path = node.path[:-1]
