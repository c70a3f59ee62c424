from ..db import db

loan_items = db.Table("loan_items", db.Column("loan_id", db.Integer), db.Column("book_id", db.Integer))
