"""Background work for the statistics cells."""

from __future__ import annotations

from django_tasks import task

from . import rebuild


@task()
def refresh_programme_statistics() -> None:
    """Rebuild the programme cells if programmes no longer have the modules they were built with.

    Until then the programme reports read the progress rows: exact, but
    slower on large volumes.
    """
    if not rebuild.programme_cells_current():
        rebuild.rebuild_programme_cells()
