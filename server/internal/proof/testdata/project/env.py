"""Alembic environment of a proof-tier project.

The database comes from $DATABASE_URL; the models module picks its BEFORE or
AFTER stage from $MODELS_STAGE. `-x compare_type=true` turns on type comparison
(alembic 1.8 leaves it off by default); `-x render_as_batch=true` makes
autogenerate write batch_alter_table blocks (what SQLite projects configure).
"""
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

import models

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = models.metadata
x_args = context.get_x_argument(as_dictionary=True)
compare_type = x_args.get("compare_type", "false").lower() == "true"
render_as_batch = x_args.get("render_as_batch", "false").lower() == "true"


def database_url():
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("DATABASE_URL is not set")
    return url


def run_offline():
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        compare_type=compare_type,
        render_as_batch=render_as_batch,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online():
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            compare_type=compare_type,
            render_as_batch=render_as_batch,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
