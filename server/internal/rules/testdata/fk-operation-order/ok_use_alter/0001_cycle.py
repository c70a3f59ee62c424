"""two tables that reference each other, the cycle broken with use_alter

Revision ID: 0001
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # the key to task_run is left out of CREATE TABLE (use_alter) and added below
    op.create_table(
        "flow_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_task_run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["parent_task_run_id"], ["task_run.id"], name="fk_flow_run_parent", use_alter=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "task_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flow_run_id", sa.Integer(), sa.ForeignKey("flow_run.id"), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_foreign_key("fk_flow_run_parent", "flow_run", "task_run", ["parent_task_run_id"], ["id"], use_alter=True)
    # a key that is never added: only declared on the model
    op.create_table(
        "topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), sa.ForeignKey("post.id", use_alter=True, name="fk_topic_post"), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), sa.ForeignKey("topic.id"), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_constraint("fk_flow_run_parent", "flow_run", type_="foreignkey")
    op.drop_table("task_run")
    op.drop_table("flow_run")
    op.drop_table("post")
    op.drop_table("topic")
