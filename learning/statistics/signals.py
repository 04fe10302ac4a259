"""Keep the programme cells in step with the programmes' modules."""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published


def _programmes_may_have_changed(**kwargs) -> None:
    if connection.vendor != "postgresql":
        return
    from .tasks import refresh_programme_statistics

    # After the commit, so the task sees the programme as published.
    transaction.on_commit(refresh_programme_statistics.enqueue)


def connect() -> None:
    from modules.models import ModulePage, ProgrammePage

    page_published.connect(
        _programmes_may_have_changed, sender=ProgrammePage, dispatch_uid="statistics-programmes"
    )
    for model in (ProgrammePage, ModulePage):
        post_delete.connect(
            _programmes_may_have_changed,
            sender=model,
            dispatch_uid=f"statistics-programmes-deleted-{model.__name__}",
        )
