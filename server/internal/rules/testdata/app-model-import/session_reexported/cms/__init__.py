"""The application: it re-exports the session env.py migrates through."""
from cms.resources import DBSession, Node  # noqa: F401
