from enum import IntEnum


class RichIntEnum(IntEnum):
    @property
    def title(self):
        return self.name.title()
