from alembic import context

from cms import DBSession


def run_migrations_online():
    connection = DBSession.connection()
    context.configure(connection=connection)
    context.run_migrations()


run_migrations_online()
