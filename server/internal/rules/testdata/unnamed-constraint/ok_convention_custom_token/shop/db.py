from flask_sqlalchemy import SQLAlchemy


def _column_names(constraint, table):
    return "_".join(c.name for c in constraint.columns)


naming_convention = {
    "fk": "fk_%(table_name)s_%(column_names)s_%(referred_table_name)s",
    "uq": "uq_%(table_name)s_%(column_names)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "column_names": _column_names,
}

db = SQLAlchemy()
db.Model.metadata.naming_convention = naming_convention
