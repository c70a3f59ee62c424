from alembic import context

target_metadata = None
context.configure(target_metadata=get_metadata())
