"""Bump the content generation whenever published content, or what routes to it, changes."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save

from .generation import bump_generation


def invalidate(**_kwargs: Any) -> None:
    bump_generation()


def bump_generation_on_change(*model_classes: type[models.Model]) -> None:
    """Make saving or deleting any of `model_classes` refresh every shared entry.

    For what pages show but do not own, such as a vocabulary whose names
    appear on many pages; the app that defines the model calls this from its
    `ready()`.
    """
    for model in model_classes:
        label = model._meta.label
        post_save.connect(invalidate, sender=model, dispatch_uid=f"shared-cache-save-{label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"shared-cache-del-{label}")


def connect_signals() -> None:
    """Pages published, unpublished, moved or deleted; sites, locales and view restrictions."""
    from wagtail.models import Locale, PageViewRestriction, Site, get_page_models
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"shared-cache-{id(signal)}")
    # Per page model, not for every model: a receiver for every sender would
    # turn Django's fast bulk deletes (sessions, purges) into row-by-row ones.
    for model in get_page_models():
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"shared-cache-page-{model._meta.label}"
        )
    bump_generation_on_change(Site, Locale, PageViewRestriction)
