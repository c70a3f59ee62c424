"""The application's models (peewee style): every model shares BaseModel's connection."""
from peewee import CharField, ForeignKeyField, Model, SqliteDatabase

db = SqliteDatabase(None)


class BaseModel(Model):
    class Meta:
        database = db


class Rule(BaseModel):
    pattern = CharField()


class Trigger(BaseModel):
    name = CharField()
    rule = ForeignKeyField(Rule)
