"""A small blog: the Flask-Migrate example of alembic-patterns."""
import os

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
migrate = Migrate()


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "postgresql+psycopg2://blog:blog@localhost/blog")
    db.init_app(app)
    migrate.init_app(app, db)
    from app import models  # noqa: F401  the models register themselves on db.metadata

    return app
