import uuid

import sqlalchemy.types as types


class GUID(types.TypeDecorator):
    impl = types.CHAR
    cache_ok = True

    @staticmethod
    def generate():
        return uuid.uuid4()
