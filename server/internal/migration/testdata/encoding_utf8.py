# -*- coding: utf-8 -*-
"""Ajoute la table des catégories — 日本語のコメント

Revision ID: café_0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "café_0001"
down_revision = None


def upgrade():
    op.create_table("catégories", sa.Column("nom", sa.String(50), comment="名前"))
    op.execute("UPDATE catégories SET nom = '日本'")  # été


def downgrade():
    op.drop_table("catégories")
