from app.db.base import Base

__all__ = ["Base"]
