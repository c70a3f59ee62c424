from alembic import context

target_metadata = None
try:
    # deployed: Flask-SQLAlchemy's metadata
    from app import db

    target_metadata = db.metadata
except ImportError:
    # scripts outside the app
    from app.models import Base

    target_metadata = Base.metadata



def get_metadata():
    return target_metadata


context.configure(url="postgresql://localhost/x", target_metadata=get_metadata())
