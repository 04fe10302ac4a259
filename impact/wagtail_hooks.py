"""The impact app's Wagtail hooks, each registered in the module of its feature."""

from . import privacy, retention  # noqa: F401
from .statistics import admin  # noqa: F401
