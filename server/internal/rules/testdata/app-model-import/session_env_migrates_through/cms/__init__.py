"""The application: its session is the one env.py migrates through."""
from sqlalchemy.orm import scoped_session, sessionmaker

DBSession = scoped_session(sessionmaker())
OtherSession = scoped_session(sessionmaker())
