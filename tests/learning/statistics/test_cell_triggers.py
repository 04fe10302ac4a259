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
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from learning.models import (
    ModuleProgress,
    QuestionResult,
    QuizAttempt,
    StatisticsModuleCell,
    StatisticsOptionCell,
    StatisticsPeriodCell,
    StatisticsQuestionCell,
    StatisticsSituationCell,
    StatisticsSummaryState,
)
from learning.privacy import erase_learner
from learning.statistics import rebuild, switches
from tests.factories import RegionFactory, SubRegionFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the cells are kept by PostgreSQL triggers"
    ),
    pytest.mark.django_db,
]

UTC = datetime.UTC


def _completed_row(region, completed_at: datetime.datetime, user=None) -> ModuleProgress:
    return ModuleProgress.objects.create(
        user=user,
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


def _attempt(row: ModuleProgress, number: int, language: str, answers: dict) -> QuizAttempt:
    return QuizAttempt.objects.create(
        user_id=row.user_id,
        progress=row,
        number=number,
        submission_token=uuid.uuid4(),
        module_key=row.module_key,
        language=language,
        answers=answers,
        snapshot={},
        score=0,
        correct_count=0,
        question_count=len(answers),
        pass_mark=70,
        passed=False,
    )


def _options() -> dict[tuple, int]:
    """{(question, option or "", answer language, region, row language): learners}."""
    assert not StatisticsOptionCell.objects.filter(learners__lt=0).exists()
    return {
        (c.question_id, c.choice, c.answer_language, c.region_id, c.language): c.learners
        for c in StatisticsOptionCell.objects.filter(learners__gt=0)
    }


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
        (QuizAttempt._meta.db_table, "learning_stats_attempt"),
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


def test_option_cells_follow_first_attempts_and_their_rows():
    """Only first attempts count; their options move with the row's situation,
    stay through an erasure and go with a consent withdrawn or a deletion."""
    region, other = RegionFactory(), RegionFactory()
    user = get_user_model().objects.create_user("learner", "learner@example.com", "pw")
    row = _completed_row(region, datetime.datetime(2026, 3, 4, 10, tzinfo=UTC), user=user)
    first = _attempt(row, 1, "en", {"q1": ["a"], "q2": ["b", "c"], "q3": []})
    second = _attempt(row, 2, "et", {"q1": ["b"], "q2": ["b"]})

    def counted(region_id, language="et", answer_language="en") -> dict:
        return {
            (question, choice, answer_language, region_id, language): 1
            for question, choice in [("q1", "a"), ("q1", ""), ("q2", "b"), ("q2", "c"), ("q2", "")]
        }

    # A question left unanswered (q3) counts in no cell, not even as answered.
    assert _options() == counted(region.pk)

    first.answers = {"q1": ["a"], "q2": ["b", "c"], "q3": []}
    first.save()  # the same answers: nothing moves
    assert _options() == counted(region.pk)
    first.answers = {"q1": ["b"]}
    first.language = "et"
    first.save()
    assert _options() == {
        ("q1", "b", "et", region.pk, "et"): 1,
        ("q1", "", "et", region.pk, "et"): 1,
    }
    first.answers = {"q1": ["a"], "q2": ["b", "c"], "q3": []}
    first.language = "en"
    first.save()

    # The row moves region, then is completed in another language.
    row.region = other
    row.save()
    assert _options() == counted(other.pk)
    row.completed_language = "en"
    row.save()
    assert _options() == counted(other.pk, language="en")

    erase_learner(user)
    row.refresh_from_db()
    assert row.user_id is None
    assert QuizAttempt.objects.get(pk=first.pk).user_id is None
    assert _options() == counted(other.pk, language="en")

    ModuleProgress.objects.filter(pk=row.pk).update(counts_in_statistics=False)
    assert _options() == {}
    ModuleProgress.objects.filter(pk=row.pk).update(counts_in_statistics=True)
    assert _options() == counted(other.pk, language="en")

    # What the triggers kept is what a rebuild computes.
    rebuild.rebuild_cells()
    assert _options() == counted(other.pk, language="en")

    second.delete()
    assert _options() == counted(other.pk, language="en")
    first.delete()
    assert _options() == {}
    _attempt(row, 1, "et", {"q1": ["a"]})
    assert _options() == {
        ("q1", "a", "et", other.pk, "en"): 1,
        ("q1", "", "et", other.pk, "en"): 1,
    }
    row.refresh_from_db()
    row.delete()
    assert _options() == {}


def test_a_bulk_load_leaves_the_option_cells_to_the_rebuild():
    row = _completed_row(RegionFactory(), datetime.datetime(2026, 5, 20, 8, tzinfo=UTC))
    with transaction.atomic(), rebuild.bulk_load():
        _attempt(row, 1, "et", {"q1": ["a"]})
        assert _options() == {}
    rebuild.rebuild_cells()
    assert _options() == {
        ("q1", "a", "et", row.region_id, "et"): 1,
        ("q1", "", "et", row.region_id, "et"): 1,
    }


def test_a_change_of_sub_region_alone_moves_the_situation_cell():
    region = RegionFactory()
    harju = SubRegionFactory(region=region)
    row = _completed_row(region, datetime.datetime(2026, 3, 4, 10, tzinfo=UTC))

    def situations() -> dict[int, int]:
        return dict(
            StatisticsSituationCell.objects.filter(rows__gt=0).values_list("subregion_id", "rows")
        )

    assert situations() == {0: 1}
    row.subregion = harju
    row.save()
    assert situations() == {harju.pk: 1}
    # The learner now has two cells (one emptied): read per learner from now on.
    assert set(StatisticsSituationCell.objects.values_list("shared", flat=True)) == {True}
    rebuild.rebuild_cells()
    assert situations() == {harju.pk: 1}
    row.delete()
    assert situations() == {}
