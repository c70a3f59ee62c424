# -*- coding: utf-8 -*-
"""0134 set prefix"""
import sqlalchemy as sa
from alembic import op

from migrations.base import PREVIOUS

REV_ID = "0134_set_prefix"
PARENT = "0133_set_prefix"
ALIAS = PARENT

revision = REV_ID
down_revision = ALIAS
branch_labels = None
depends_on = PREVIOUS


def upgrade():
    op.execute("UPDATE settings SET prefix = 'inv-'")


def downgrade():
    op.execute("UPDATE settings SET prefix = NULL")
