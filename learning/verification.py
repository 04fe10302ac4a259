"""Check that every progress row agrees with the quiz attempts it summarises.

A progress row carries figures derived from its attempts so that "My learning"
and the statistics need no join: the attempt count, the best score, whether
the first attempt passed, and the completion. After a crash, a bad restore or
a manual edit they could drift from the attempts, and every report built on
them would be wrong without anyone noticing. `find_differences` recomputes
them in a few set-based queries (one pass over the attempts, grouped; no query
per row), so it stays fast on millions of rows; `fix_derived_fields` rewrites
the ones that can be derived again. `manage.py verify_records` runs both.

Differences that cannot be derived back (a completion without a passing
attempt, gaps in attempt numbers, a missing certificate, answers missing
from an attempt) are reported but never "fixed".
"""

# SQL here is assembled from table names and fixed conditions only; values are parameters.
# ruff: noqa: S608
from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import connection, transaction

PROGRESS = "learning_moduleprogress"
ATTEMPT = "learning_quizattempt"
RESULT = "learning_questionresult"
CERTIFICATE = "learning_certificate"

# Per progress row, everything the attempts say, in one grouped pass.
ATTEMPT_SUMMARY = f"""
    SELECT progress_id,
           COUNT(*) AS n,
           MAX(number) AS max_number,
           MAX(score) AS best,
           MAX(CASE WHEN number = 1 THEN (CASE WHEN passed THEN 1 ELSE 0 END) END) AS first_passed,
           SUM(CASE WHEN passed THEN 1 ELSE 0 END) AS passes,
           MIN(CASE WHEN passed THEN submitted_at END) AS first_pass_at,
           MIN(submitted_at) AS first_at
      FROM {ATTEMPT}
  GROUP BY progress_id
"""

# The stored boolean as 1/0/NULL on both PostgreSQL and SQLite.
STORED_FIRST_PASSED = (
    "CASE WHEN p.first_attempt_passed THEN 1 WHEN NOT p.first_attempt_passed THEN 0 END"
)

# (field, stored value, value derived from the attempts, fixable)
CHECKS: list[tuple[str, str, str, str]] = [
    ("attempt_count", "p.attempt_count", "COALESCE(a.n, 0)", "p.attempt_count <> COALESCE(a.n, 0)"),
    ("best_score", "p.best_score", "a.best", "p.best_score IS DISTINCT FROM a.best"),
    (
        "first_attempt_passed",
        STORED_FIRST_PASSED,
        "a.first_passed",
        f"({STORED_FIRST_PASSED}) IS DISTINCT FROM a.first_passed",
    ),
    (
        "completed_at",
        "p.completed_at",
        "a.first_pass_at",
        # A passing attempt always completes the module.
        "a.passes > 0 AND p.completed_at IS NULL",
    ),
]
FIXABLE = {"attempt_count", "best_score", "first_attempt_passed", "completed_at"}

# Problems the attempts cannot repair: (name, condition, explanation).
UNFIXABLE: list[tuple[str, str, str]] = [
    (
        "completed_without_pass",
        # A module completed before it had a quiz (marked done) stays completed;
        # a completion after failed attempts only has no explanation.
        "p.completed_at IS NOT NULL AND a.n > 0 AND COALESCE(a.passes, 0) = 0"
        " AND p.completed_at >= a.first_at",
        "completed although no attempt passed",
    ),
    (
        "completed_language",
        "(p.completed_at IS NULL) <> (p.completed_language = '')",
        "completion language does not match the completion",
    ),
    (
        "completed_before_start",
        "p.completed_at < p.started_at",
        "completed before it was started",
    ),
    (
        "attempt_numbers",
        "a.max_number <> a.n",
        "attempt numbers have gaps",
    ),
    (
        "certificate",
        f"""p.completed_at IS NOT NULL AND p.user_id IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM {CERTIFICATE} c
               WHERE c.user_id = p.user_id AND c.kind = 'module'
                 AND c.subject_key = p.module_key)""",
        "completed but has no certificate",
    ),
]


@dataclass(frozen=True)
class Difference:
    progress_id: int | None
    field: str
    stored: object
    expected: object
    attempt_id: object = None

    def describe(self) -> str:
        if self.attempt_id is not None:
            return f"attempt {self.attempt_id}: {self.field}"
        if self.expected is None and self.field not in FIXABLE:
            return f"progress {self.progress_id}: {self.field}"
        return (
            f"progress {self.progress_id}: {self.field} is {self.stored!r}, "
            f"the attempts say {self.expected!r}"
        )


def _progress_query() -> str:
    """One pass over progress rows and grouped attempts, flagging every check."""
    columns = ["p.id"]
    for _field, stored, derived, condition in CHECKS:
        columns += [stored, derived, f"CASE WHEN {condition} THEN 1 ELSE 0 END"]
    for _name, condition, _explanation in UNFIXABLE:
        columns.append(f"CASE WHEN {condition} THEN 1 ELSE 0 END")
    conditions = [c for *_rest, c in CHECKS] + [c for _n, c, _e in UNFIXABLE]
    return (
        f"SELECT {', '.join(columns)} FROM {PROGRESS} p "
        f"LEFT JOIN ({ATTEMPT_SUMMARY}) a ON a.progress_id = p.id "
        f"WHERE {' OR '.join(f'({c})' for c in conditions)}"
    )


def _progress_differences(row) -> list[Difference]:
    differences = []
    position = 1
    for field, *_rest in CHECKS:
        stored, expected, flagged = row[position : position + 3]
        position += 3
        if flagged:
            differences.append(Difference(row[0], field, stored, expected))
    for _name, _condition, explanation in UNFIXABLE:
        if row[position]:
            differences.append(Difference(row[0], explanation, None, None))
        position += 1
    return differences


def find_differences(limit: int | None = None) -> tuple[int, list[Difference]]:
    """(number of differences, the first `limit` of them) across all records."""
    found: list[Difference] = []
    total = 0

    def keep(differences: list[Difference]) -> None:
        nonlocal total
        total += len(differences)
        room = len(differences) if limit is None else max(limit - len(found), 0)
        found.extend(differences[:room])

    with connection.cursor() as cursor:
        cursor.execute(_progress_query())
        for row in cursor:
            keep(_progress_differences(row))
        # Each attempt: its answered questions all recorded, against its own progress
        # row, and belonging to the same learner and module as that row.
        cursor.execute(
            f"""SELECT t.id, t.progress_id FROM {ATTEMPT} t
                  JOIN {PROGRESS} p ON p.id = t.progress_id
             LEFT JOIN (SELECT attempt_id, COUNT(*) AS n,
                               MIN(progress_id) AS lo, MAX(progress_id) AS hi,
                               SUM(CASE WHEN progress_id IS NULL THEN 1 ELSE 0 END) AS unlinked
                          FROM {RESULT} GROUP BY attempt_id) r ON r.attempt_id = t.id
                 WHERE COALESCE(r.n, 0) <> t.question_count
                    OR r.lo <> t.progress_id OR r.hi <> t.progress_id OR r.unlinked > 0
                    OR t.user_id IS DISTINCT FROM p.user_id
                    OR t.module_key <> p.module_key"""
        )
        for attempt_id, progress_id in cursor:
            # SQLite returns the UUID as bare hex; print it as the result page's URL has it.
            attempt_id = uuid.UUID(str(attempt_id))
            keep(
                [
                    Difference(
                        progress_id,
                        "question results, learner or module differ from its progress row",
                        None,
                        None,
                        attempt_id,
                    )
                ]
            )
    return total, found


def fix_derived_fields() -> int:
    """Rewrite the derived fields of disagreeing rows from their attempts; returns rows changed."""
    conditions = " OR ".join(f"({condition})" for _f, _s, _d, condition in CHECKS)
    first_pass = (
        f"SELECT {{column}} FROM {ATTEMPT} t WHERE t.progress_id = {PROGRESS}.id AND t.passed"
        " ORDER BY t.number LIMIT 1"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.id FROM {PROGRESS} p "
            f"LEFT JOIN ({ATTEMPT_SUMMARY}) a ON a.progress_id = p.id WHERE {conditions}"
        )
        ids = [row[0] for row in cursor.fetchall()]
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"""UPDATE {PROGRESS} SET
                    attempt_count = (SELECT COUNT(*) FROM {ATTEMPT} t
                                      WHERE t.progress_id = {PROGRESS}.id),
                    best_score = (SELECT MAX(t.score) FROM {ATTEMPT} t
                                   WHERE t.progress_id = {PROGRESS}.id),
                    first_attempt_passed = (SELECT t.passed FROM {ATTEMPT} t
                                             WHERE t.progress_id = {PROGRESS}.id AND t.number = 1),
                    completed_at = COALESCE(completed_at, ({first_pass.format(column="t.submitted_at")})),
                    completed_language = CASE WHEN completed_at IS NULL
                        THEN COALESCE(({first_pass.format(column="t.language")}), completed_language)
                        ELSE completed_language END
                  WHERE id IN ({placeholders})""",
                chunk,
            )
    return len(ids)


def count_differences() -> int:
    """How many differences there are, none of them listed."""
    total, _none = find_differences(limit=0)
    return total
