"""A small inventory service: the package:path example of alembic-patterns."""
