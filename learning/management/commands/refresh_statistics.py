"""Rebuild the statistics cells from the progress rows and answers.

    manage.py refresh_statistics

The database triggers (installed by the migrations) keep the cells exact
as rows change, so this is only needed after a programme's modules change
(until then the programme reports read the rows, which is exact but
slower), after a change of TIME_ZONE, or after rows were loaded with the
triggers off. It recomputes data only; the triggers read the time zone it
records.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import connection

from learning.models import (
    StatisticsLearnerCell,
    StatisticsModuleCell,
    StatisticsOptionCell,
    StatisticsPeriodCell,
    StatisticsProgrammeCell,
    StatisticsQuestionCell,
    StatisticsSituationCell,
)
from learning.statistics import rebuild


class Command(BaseCommand):
    help = "Rebuild the pre-aggregated statistics cells (PostgreSQL)."

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Statistics cells are kept on PostgreSQL only; nothing to do.")
            return
        started = time.monotonic()
        rebuild.rebuild_cells()
        sizes = ", ".join(
            f"{model.objects.count():,} {label}"
            for model, label in [
                (StatisticsSituationCell, "learner cells"),
                (StatisticsLearnerCell, "learner-language cells"),
                (StatisticsPeriodCell, "period cells"),
                (StatisticsModuleCell, "module cells"),
                (StatisticsProgrammeCell, "programme cells"),
                (StatisticsQuestionCell, "question cells"),
                (StatisticsOptionCell, "option cells"),
            ]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Rebuilt the statistics cells in {time.monotonic() - started:.1f} s: {sizes}."
            )
        )
