from .books import *  # noqa: F403
from .loans import loan_items
