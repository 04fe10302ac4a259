"""The task that sends a learner's statements, off the learner's request."""

from __future__ import annotations

import logging

from django_tasks import task

from . import outbox

logger = logging.getLogger(__name__)


@task()
def send_statements(learner_id: int) -> None:
    """Send the learner's due statements; after a failure, come back when the next try is due.

    Where the task backend cannot run a task later (the immediate backend),
    `manage.py send_xapi_statements` from cron does the retries.
    """
    report = outbox.send_due(learner_id)
    if report.retry_at is not None and send_statements.get_backend().supports_defer:
        send_statements.using(run_after=report.retry_at).enqueue(learner_id)


def schedule(learner_id: int) -> None:
    """Queue the sending; never raise, as this runs at the end of a learner's request.

    The statements are in the outbox already: if the task cannot be queued
    or fails, the next run of `send_xapi_statements` sends them.
    """
    try:
        send_statements.enqueue(learner_id)
    except Exception:
        logger.exception(
            "xAPI statements of learner %s not sent now; they wait in the outbox", learner_id
        )
