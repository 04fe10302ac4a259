"""Queueing statements and sending them to the LRS, in order per learner.

Statements are written to the outbox (`Statement`) as events happen and sent
by the task worker or by `manage.py send_xapi_statements`. A learner's
statements leave in the order they were queued; when the LRS cannot take
one, it and everything after it for that learner wait, with a back-off,
until a later run. Sending is idempotent: each statement is PUT under its
own id, and an LRS that has it already answers 204 or 409.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from .models import Statement
from .statements import XAPI_VERSION

logger = logging.getLogger(__name__)

# Waits after the 1st, 2nd … failed try: one minute, doubling, at most six hours.
FIRST_BACKOFF = timedelta(minutes=1)
LONGEST_BACKOFF = timedelta(hours=6)
# Statements of one learner sent in one locked batch.
BATCH = 100


def enabled() -> bool:
    return bool(settings.XAPI_ENDPOINT)


def backoff(attempts: int) -> timedelta:
    """How long to wait after `attempts` failed tries."""
    return min(FIRST_BACKOFF * 2 ** max(attempts - 1, 0), LONGEST_BACKOFF)


def queue(user, statements: list[dict]) -> int:
    """Add statements about `user` to the outbox, skipping any already there; the number added."""
    if not statements:
        return 0
    now = timezone.now()
    rows = [
        Statement(
            statement_id=statement["id"],
            learner=user,
            verb=statement["verb"]["id"].rsplit("/", 1)[-1],
            activity=statement["object"]["id"][:500],
            statement=statement,
            created_at=now,
            next_try=now,
        )
        for statement in statements
    ]
    before = Statement.objects.filter(statement_id__in=[row.statement_id for row in rows]).count()
    Statement.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows) - before


class DeliveryError(Exception):
    """The LRS did not take a statement, for a reason that may pass (down, auth, overloaded)."""


class Rejected(Exception):
    """The LRS refused the statement itself: sending it again cannot help."""


@dataclass
class Client:
    endpoint: str
    username: str
    password: str
    timeout: float
    session: requests.Session = field(default_factory=requests.Session)

    @classmethod
    def from_settings(cls) -> Client:
        return cls(
            endpoint=settings.XAPI_ENDPOINT.rstrip("/") + "/",
            username=settings.XAPI_USERNAME,
            password=settings.XAPI_PASSWORD,
            timeout=settings.XAPI_TIMEOUT,
        )

    def put(self, statement: dict) -> None:
        try:
            response = self.session.put(
                self.endpoint + "statements",
                params={"statementId": statement["id"]},
                json=statement,
                auth=(self.username, self.password) if self.username else None,
                headers={"X-Experience-API-Version": XAPI_VERSION},
                timeout=self.timeout,
            )
        except requests.RequestException as error:
            raise DeliveryError(f"{type(error).__name__}: {error}") from error
        # 204: stored; 409: the LRS has a statement with this id already, ours.
        if response.status_code in (200, 204, 409):
            return
        detail = f"HTTP {response.status_code}: {response.text[:500]}"
        if response.status_code == 400:
            raise Rejected(detail)
        raise DeliveryError(detail)


@dataclass
class Report:
    sent: int = 0
    failed: int = 0
    rejected: int = 0
    # The earliest time a statement still waiting may be tried again, if any failed.
    retry_at: datetime | None = None


def send_due(learner_id: int | None = None, *, now: datetime | None = None) -> Report:
    """Send every statement that is due, learner by learner, oldest first.

    A learner is due when their oldest waiting statement's next try has come.
    After a failure that is not about the statement itself (the LRS down, a
    wrong password), the run stops: the LRS is unavailable to everyone.
    """
    report = Report()
    if not enabled():
        return report
    now = now or timezone.now()
    waiting = Statement.objects.filter(sent_at__isnull=True, rejected=False)
    if learner_id is not None:
        waiting = waiting.filter(learner_id=learner_id)
    learners = (
        waiting.values("learner").annotate(first=Min("pk")).order_by("first").values_list("learner")
    )
    client = Client.from_settings()
    for (learner,) in learners:
        if not _send_learner(client, learner, now, report):
            break
    return report


def _send_learner(client: Client, learner_id: int, now: datetime, report: Report) -> bool:
    """Send the learner's waiting statements in order; False if the LRS is unavailable."""
    while True:
        with transaction.atomic():
            # Locked, so two workers cannot send one learner's statements out of order.
            rows = list(
                Statement.objects.select_for_update()
                .filter(learner_id=learner_id, sent_at__isnull=True, rejected=False)
                .order_by("pk")[:BATCH]
            )
            if not rows or rows[0].next_try > now:
                return True
            for row in rows:
                try:
                    client.put(row.statement)
                except Rejected as error:
                    logger.error("xAPI statement %s rejected: %s", row.statement_id, error)
                    row.rejected = True
                    row.attempts += 1
                    row.last_error = str(error)
                    row.save(update_fields=["rejected", "attempts", "last_error"])
                    report.rejected += 1
                except DeliveryError as error:
                    row.attempts += 1
                    row.next_try = now + backoff(row.attempts)
                    row.last_error = str(error)
                    row.save(update_fields=["attempts", "next_try", "last_error"])
                    logger.warning(
                        "xAPI statement %s not sent (try %s), next try at %s: %s",
                        row.statement_id,
                        row.attempts,
                        row.next_try.isoformat(),
                        error,
                    )
                    report.failed += 1
                    if report.retry_at is None or row.next_try < report.retry_at:
                        report.retry_at = row.next_try
                    return False
                else:
                    row.sent_at = timezone.now()
                    row.attempts += 1
                    row.last_error = ""
                    row.save(update_fields=["sent_at", "attempts", "last_error"])
                    report.sent += 1
            if len(rows) < BATCH:
                return True
