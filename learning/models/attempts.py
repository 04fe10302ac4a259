"""Submitted quizzes, with a snapshot of what was asked and answered."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class QuizAttempt(models.Model):
    # Also the public id of the result page; random, so it cannot be guessed.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="quiz_attempts",
    )
    progress = models.ForeignKey(
        "learning.ModuleProgress", on_delete=models.CASCADE, related_name="attempts"
    )
    # 1, 2, 3 … per progress row; unique, so concurrent submissions cannot both
    # take the last allowed attempt.
    number = models.PositiveIntegerField()
    # The token the quiz form carried: a repeated POST of the same form finds
    # this attempt instead of recording a new one.
    submission_token = models.UUIDField(unique=True)
    module_key = models.UUIDField(db_index=True)
    module_page = models.ForeignKey(
        "modules.ModulePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    language = models.CharField(max_length=7)
    submitted_at = models.DateTimeField(auto_now_add=True)
    # {question_id: [choice_id, ...]} exactly as submitted (after validation).
    answers = models.JSONField()
    # The questions and choices as they were shown, with correct flags, feedback
    # and explanations, so later edits to the module never change this result.
    snapshot = models.JSONField()
    score = models.PositiveSmallIntegerField()  # percent
    correct_count = models.PositiveSmallIntegerField()
    question_count = models.PositiveSmallIntegerField()
    pass_mark = models.PositiveSmallIntegerField()
    passed = models.BooleanField()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["progress", "number"], name="unique_attempt_number")
        ]

    def __str__(self) -> str:
        return f"{self.module_key} #{self.number}"


class QuestionResult(models.Model):
    """One answered question of an attempt, for per-question statistics across languages."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="results")
    # The attempt's progress row, copied so statistics join results to the
    # learner's region and consent without going through the attempts.
    progress = models.ForeignKey(
        "learning.ModuleProgress", on_delete=models.CASCADE, related_name="+", null=True
    )
    module_key = models.UUIDField()
    # The question's StreamField block id: identical in every translation.
    question_id = models.CharField(max_length=64)
    language = models.CharField(max_length=7)
    is_correct = models.BooleanField()

    class Meta:
        verbose_name = _("question result")
        verbose_name_plural = _("question results")
        indexes = [
            models.Index(fields=["module_key", "question_id"], name="result_module_question"),
            # Question analysis reads only these columns of one module's results.
            models.Index(
                fields=["module_key", "progress"],
                include=["question_id", "language", "is_correct"],
                name="result_module_progress",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.is_correct}"
