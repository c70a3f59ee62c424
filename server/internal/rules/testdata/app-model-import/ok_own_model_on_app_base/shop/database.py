"""The application's models (peewee style): every model shares BaseModel's connection."""
from peewee import CharField, Model, SqliteDatabase

db = SqliteDatabase(None)


class BaseModel(Model):
    class Meta:
        database = db


class Trigger(BaseModel):
    name = CharField()
