"""merge heads

Revision ID: kilo
Revises: ('0133_set_prefix', 'juliet')
"""
from alembic import op

from .base import BASE_REV, SHARED_LABELS

revision = "kilo"
down_revision = ("0133_set_prefix", "juliet")
branch_labels = ["billing", "reports"]
depends_on = BASE_REV


def upgrade():
    pass


def downgrade():
    pass
