"""The statistics cells' triggers come with the migrations and need nothing else.

`migrate` alone installs them (no code has to run afterwards), they cut the
period cells in the time zone the last rebuild recorded, read at run time,
and a bulk load switches them off for its own transaction. PostgreSQL only:
other databases have no triggers and always read the rows.
"""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from learning.models import (
    ModuleProgress,
    QuestionResult,
    QuizAttempt,
    StatisticsModuleCell,
    StatisticsPeriodCell,
    StatisticsQuestionCell,
    StatisticsSituationCell,
    StatisticsSummaryState,
)
from learning.statistics import rebuild, switches
from tests.factories import RegionFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the cells are kept by PostgreSQL triggers"
    ),
    pytest.mark.django_db,
]

UTC = datetime.UTC


def _completed_row(region, completed_at: datetime.datetime) -> ModuleProgress:
    return ModuleProgress.objects.create(
        module_key=uuid.uuid4(),
        module_title="Phishing",
        started_at=completed_at - datetime.timedelta(hours=1),
        completed_at=completed_at,
        best_score=80,
        attempt_count=1,
        started_language="et",
        completed_language="et",
        region=region,
        organisation_size="small",
        counts_in_statistics=True,
    )


def _answer(row: ModuleProgress, language: str, right: bool) -> None:
    attempt = QuizAttempt.objects.create(
        progress=row,
        number=QuizAttempt.objects.filter(progress=row).count() + 1,
        submission_token=uuid.uuid4(),
        module_key=row.module_key,
        language=language,
        answers={},
        snapshot={},
        score=100 if right else 0,
        correct_count=int(right),
        question_count=1,
        pass_mark=70,
        passed=right,
    )
    QuestionResult.objects.create(
        attempt=attempt,
        progress=row,
        module_key=row.module_key,
        question_id="q1",
        language=language,
        is_correct=right,
    )


def _months() -> dict[datetime.date, int]:
    return dict(
        StatisticsPeriodCell.objects.filter(kind="month", completions__gt=0).values_list(
            "period", "completions"
        )
    )


def test_migrate_installs_the_triggers():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE NOT t.tgisinternal AND t.tgenabled = 'O' ORDER BY t.tgname"
        )
        triggers = cursor.fetchall()
    assert triggers == [
        (ModuleProgress._meta.db_table, "learning_stats_progress"),
        (QuestionResult._meta.db_table, "learning_stats_result"),
    ]


def test_cells_follow_writes_after_migrate_alone():
    """No rebuild, no install: every write counts, periods in the time zone migrate recorded."""
    assert StatisticsSummaryState.objects.get().time_zone == settings.TIME_ZONE
    region = RegionFactory()
    row = _completed_row(region, datetime.datetime(2026, 3, 4, 10, tzinfo=UTC))
    _answer(row, "en", right=False)
    _answer(row, "et", right=True)

    cell = StatisticsSituationCell.objects.get()
    assert (cell.learner, cell.region_id, cell.rows, cell.completed, cell.score_sum) == (
        0,
        region.pk,
        1,
        1,
        80,
    )
    assert StatisticsModuleCell.objects.get().completed == 1
    assert _months() == {datetime.date(2026, 3, 1): 1}
    questions = {
        c.answer_language: (c.learners, c.answers, c.correct)
        for c in StatisticsQuestionCell.objects.all()
    }
    assert questions == {"": (1, 2, 1), "en": (1, 1, 0), "et": (1, 1, 1)}

    row.delete()
    assert StatisticsSituationCell.objects.get().rows == 0
    assert _months() == {}
    assert {c.answers for c in StatisticsQuestionCell.objects.all()} == {0}


def test_periods_are_cut_in_the_time_zone_the_rebuild_recorded():
    """A rebuild after a TIME_ZONE change re-cuts the periods; the triggers follow it without DDL."""
    region = RegionFactory()
    with override_settings(TIME_ZONE="Pacific/Kiritimati"):  # UTC+14
        rebuild.rebuild_cells()
        # 31 January 12:00 UTC is already 1 February in Kiritimati.
        _completed_row(region, datetime.datetime(2026, 1, 31, 12, tzinfo=UTC))
        assert _months() == {datetime.date(2026, 2, 1): 1}
        assert switches.periods_usable()
    with override_settings(TIME_ZONE="Pacific/Pago_Pago"):  # UTC-11
        assert not switches.periods_usable()
        with CaptureQueriesContext(connection) as rebuilding:
            rebuild.rebuild_cells()
        assert switches.periods_usable()
        assert _months() == {datetime.date(2026, 1, 1): 1}
        # 28 February 12:00 UTC: still February in Pago Pago (1 March in Kiritimati).
        _completed_row(region, datetime.datetime(2026, 2, 28, 12, tzinfo=UTC))
        assert _months() == {datetime.date(2026, 1, 1): 1, datetime.date(2026, 2, 1): 1}
    statements = {q["sql"].split()[0].upper() for q in rebuilding.captured_queries}
    assert not statements & {"CREATE", "DROP", "ALTER"}, statements


def test_without_a_recorded_time_zone_periods_wait_for_a_rebuild():
    StatisticsSummaryState.objects.all().delete()
    region = RegionFactory()
    _completed_row(region, datetime.datetime(2026, 5, 20, 8, tzinfo=UTC))
    assert StatisticsSituationCell.objects.get().completed == 1
    assert _months() == {}
    assert not switches.periods_usable()

    rebuild.rebuild_cells()
    assert switches.periods_usable()
    assert _months() == {datetime.date(2026, 5, 1): 1}


def test_a_bulk_load_leaves_the_cells_to_the_rebuild():
    region = RegionFactory()
    with transaction.atomic():
        with rebuild.bulk_load():
            _completed_row(region, datetime.datetime(2026, 5, 20, 8, tzinfo=UTC))
            assert not StatisticsSituationCell.objects.exists()
        # Later writes of the same transaction are counted again.
        _completed_row(region, datetime.datetime(2026, 5, 21, 8, tzinfo=UTC))
        assert StatisticsSituationCell.objects.get().completed == 1
    rebuild.rebuild_cells()
    assert StatisticsSituationCell.objects.get().completed == 2
