"""Revision ID: 77aa
Revises: 66bb
"""
import os

revision = "77" + "aa"
down_revision = ["66bb"]
branch_labels = ("core",)
depends_on = os.environ.get("DEPENDS_ON")

revision_computed = "%s_x" % revision
