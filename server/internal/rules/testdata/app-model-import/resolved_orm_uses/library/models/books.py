from ..db import db

__all__ = ["Book", "Shelf"]


class Shelf(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Book(db.Model):
    __tablename__ = "books"
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String)
