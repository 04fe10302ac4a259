"""Pre-aggregated statistics: small tables summing up progress rows and answers.

On PostgreSQL, triggers on `learning_moduleprogress`,
`learning_questionresult` and `learning_quizattempt` keep these tables exact in the same transaction
as every write (migrations `0002_statistics_triggers`, `0007_statistics_option_cells`;
`learning.statistics.rebuild` recomputes them); reports read them instead
of a million progress rows whenever the filters allow it
(`learning.statistics.sources.source_for` decides).

Counts of learners cannot be added up across cells unless each learner is
in exactly one of them, so the tables that feed learner counts keep the
learner in their grain (`learner`, 0 for erased accounts), and the others
only hold counts of rows, which do add up. A learner cell is `shared` when
the same learner has another cell that a report could count in the same
group; only those need de-duplicating per learner, the others (nearly all:
a learner's region, sector and size rarely change) are simply summed. Plain integer columns rather
than foreign keys: the cells are derived data, rebuilt by
`manage.py refresh_statistics`, and must not slow down or block deletes.
"""

from __future__ import annotations

from django.db import models

# Columns describing the learner's situation on a progress row, so that the
# report filters (region, sector, size, and where kept, language) apply.
SITUATION = ["region_id", "sector_id", "organisation_size"]
CELL_KEY = [*SITUATION, "language"]


class SituationBase(models.Model):
    # The learner's situation, as the progress row recorded it.
    region_id = models.BigIntegerField()
    # 0 when the progress row has no sector (a unique key cannot hold NULLs as equal).
    sector_id = models.BigIntegerField()
    organisation_size = models.CharField(max_length=10)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{type(self).__name__} {self.pk}"


class CellBase(SituationBase):
    # The language of the version completed, else of the version started.
    language = models.CharField(max_length=7)

    class Meta:
        abstract = True


class RowTotals(models.Model):
    """What the cell's progress rows add up to; these add up across cells too."""

    # Progress rows counted in the cell (one per learner and module).
    rows = models.IntegerField(default=0)
    # Of those, the completed ones.
    completed = models.IntegerField(default=0)
    # Best scores of the completed rows that have one, summed: with
    # score_count, the average score without reading the rows.
    score_sum = models.BigIntegerField(default=0)
    # Completed rows with a best score (completion without a quiz has none).
    score_count = models.IntegerField(default=0)

    class Meta:
        abstract = True


class FirstTryTotals(RowTotals):
    """Row totals and the first-attempt pass rate."""

    # Rows whose quiz was attempted (first_attempt_passed not null).
    first_tries = models.IntegerField(default=0)
    # Of those, the rows whose first attempt passed.
    first_passes = models.IntegerField(default=0)

    class Meta:
        abstract = True


class LearnerGrain(models.Model):
    """For cells that feed counts of distinct learners: the learner is part of the key."""

    # The learner's user id, 0 for erased accounts (who are counted as one).
    learner = models.BigIntegerField()
    # The learner has another cell a report could count in the same group:
    # only such cells are de-duplicated per learner, the others are summed.
    shared = models.BooleanField(default=False)

    class Meta:
        abstract = True


class StatisticsSituationCell(LearnerGrain, FirstTryTotals, SituationBase):
    """Per learner, situation and sub-region: their progress rows summed up.

    The only cells cut by sub-region, for the breakdown by sub-region and a
    sub-region filter: a learner's sub-region rarely changes, so it adds
    few cells here, where it would split every other kind of cell.
    `shared`: the learner has another situation cell."""

    # The progress row's sub-region as given, 0 for none; whether it lies in
    # the row's region is decided when reading, as sub-regions are edited.
    subregion_id = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", *SITUATION, "subregion_id"],
                name="statistics_situation_cell_key",
            )
        ]
        indexes = [
            models.Index(
                fields=["region_id"],
                condition=models.Q(shared=True),
                name="statistics_situation_shared",
            )
        ]


class StatisticsLearnerCell(LearnerGrain, FirstTryTotals, CellBase):
    """Per learner, situation and language: their progress rows summed up, for
    reports by or filtered on language.

    `shared`: the learner has another cell in the same language."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", *CELL_KEY], name="statistics_learner_cell_key"
            )
        ]
        indexes = [
            models.Index(
                fields=["region_id"],
                condition=models.Q(shared=True),
                name="statistics_learner_shared",
            )
        ]


class StatisticsPeriodCell(LearnerGrain, SituationBase):
    """Per learner, situation and calendar month or week: modules completed in it.

    `shared`: the learner has another cell for the same period."""

    kind = models.CharField(max_length=5)  # "month" or "week"
    # First day of the period in the time zone of StatisticsSummaryState.
    period = models.DateField()
    completions = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "learner", "period", *SITUATION],
                name="statistics_period_cell_key",
            )
        ]
        # A range of whole weeks or months (the manager's twelve weeks) reads its periods only.
        indexes = [models.Index(fields=["kind", "period"], name="statistics_period_cell_when")]


class StatisticsModuleCell(RowTotals, CellBase):
    """Per module and situation: a learner has one progress row per module, so rows are learners."""

    module_key = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["module_key", *CELL_KEY], name="statistics_module_cell_key"
            )
        ]


class StatisticsProgrammeModule(models.Model):
    """Which modules each programme had when the programme cells were built."""

    programme_key = models.UUIDField()
    module_key = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["module_key", "programme_key"], name="statistics_programme_module_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme_key}: {self.module_key}"


class StatisticsProgrammeCell(LearnerGrain, RowTotals, SituationBase):
    """Per programme, learner and situation: their progress rows in the programme's modules.

    `shared`: the learner has another cell for the same programme."""

    programme_key = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme_key", "learner", *SITUATION],
                name="statistics_programme_cell_key",
            )
        ]
        # The few cells a funnel reduces per learner are found without scanning the rest.
        indexes = [
            models.Index(
                fields=["programme_key"],
                condition=models.Q(shared=True),
                name="statistics_programme_shared",
            )
        ]


class StatisticsQuestionCell(CellBase):
    """Per question, answer language ("" for all languages) and situation.

    `learners` counts progress rows with an answer to the question; a
    progress row belongs to one situation, so these add up across cells.
    """

    module_key = models.UUIDField()
    question_id = models.CharField(max_length=64)
    answer_language = models.CharField(max_length=7)
    learners = models.IntegerField(default=0)
    answers = models.IntegerField(default=0)
    correct = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["module_key", "question_id", "answer_language", *CELL_KEY],
                name="statistics_question_cell_key",
            )
        ]


class StatisticsOptionCell(CellBase):
    """Per question, option, answer language and situation: the first attempts
    that chose the option; `choice` "" counts those that answered the question.

    A progress row has one first attempt, in one language, so these add up
    across cells and across answer languages: unlike the question cells, no
    cell holds all languages together.
    """

    module_key = models.UUIDField()
    question_id = models.CharField(max_length=64)
    # The option's id as the attempt recorded it (ids are checked against the
    # quiz before an attempt is saved); "" for the question answered at all.
    choice = models.CharField(max_length=64)
    answer_language = models.CharField(max_length=7)
    learners = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["module_key", "question_id", "choice", "answer_language", *CELL_KEY],
                name="statistics_option_cell_key",
            )
        ]


class StatisticsSummaryState(models.Model):
    """The time zone the period cells are cut in, written by each rebuild.

    The triggers read it for every completion they count, and the reports
    use the period cells only in this time zone; with no row the triggers
    leave the period cells alone and the reports read the rows."""

    time_zone = models.CharField(max_length=64)
    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.time_zone} ({self.built_at:%Y-%m-%d %H:%M})"
