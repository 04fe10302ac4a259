"""Wagtail loads this module; each part registers its hooks in organisations/hooks/."""

from .hooks import membership, registration, reminders, statistics, team  # noqa: F401
