"""tables dropped and created in SQL

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("DROP TABLE authors")  # expect[fk-operation-order]: DROP TABLE "authors" runs while table "books" still has a foreign key to it help: constraint books_author_id_fkey on table books depends on table authors
    op.execute("DROP TABLE publishers CASCADE")
    op.execute("DROP TABLE stock; DROP TABLE shops")
    op.drop_table("pets")
    op.execute("DROP TABLE owners")
    op.execute("CREATE TABLE reviews (id int PRIMARY KEY, critic_id int REFERENCES critics (id))")  # expect[fk-operation-order]: CREATE TABLE "reviews" has a foreign key to "critics", which upgrade() only creates later help: relation "critics" does not exist
    op.create_table("critics", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("prizes", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("jury_id", sa.Integer(), sa.ForeignKey("juries.id")))  # expect[fk-operation-order]: create_table("prizes") has a foreign key to "juries"
    op.execute("CREATE TABLE juries (id int PRIMARY KEY)")
    op.execute("CREATE TABLE halls (id int PRIMARY KEY); CREATE TABLE seats (id int, hall_id int REFERENCES halls)")
    op.execute("ALTER TABLE seats ADD CONSTRAINT seats_venue_fk FOREIGN KEY (hall_id) REFERENCES venues (id)")  # expect[fk-operation-order]: ALTER TABLE "seats" adds a foreign key to "venues" help: Create "venues" first
    op.execute("CREATE TABLE venues (id int PRIMARY KEY)")
    op.execute("CREATE TABLE awards (id int PRIMARY KEY, sponsor_id int REFERENCES sponsors (id))")
    op.execute("CREATE TABLE IF NOT EXISTS sponsors (id int PRIMARY KEY)")


def downgrade():
    op.execute("DROP TABLE juries")  # expect[fk-operation-order]: DROP TABLE "juries" runs while table "prizes" still has a foreign key to it help: Drop "prizes" (or its foreign key) first
    op.drop_table("prizes")
    op.execute("DROP TABLE reviews; DROP TABLE critics")
    op.execute("DROP TABLE seats, halls, venues, awards, sponsors")
    op.execute("DROP TABLE books, authors")
