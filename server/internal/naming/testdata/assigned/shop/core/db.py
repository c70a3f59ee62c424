from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import declarative_base


def _column_names(constraint, table):
    return "_".join(c.name for c in constraint.columns)


naming_convention = {
    "fk": "fk_%(table_name)s_%(column_names)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "uq": "uq_%(table_name)s_%(column_names)s",
    "column_names": _column_names,
}

db = SQLAlchemy(model_class=declarative_base(name="Model"))
db.Model.metadata.naming_convention = naming_convention
