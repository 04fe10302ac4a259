"""Statements queued from what `learning` tells of a learner's records, once committed."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.dispatch import receiver

from learning import events

from . import outbox, statements, tasks

logger = logging.getLogger(__name__)


def _queue(user_id: int | None, build) -> None:
    """Build and queue statements, then have them sent; a failure here never reaches the learner."""
    if not outbox.enabled() or user_id is None:
        return
    try:
        user = get_user_model().objects.filter(pk=user_id).first()
        if user is None:
            return
        added = outbox.queue(user, build(user))
    except Exception:
        logger.exception("xAPI statements for learner %s not queued", user_id)
        return
    if added:
        tasks.schedule(user_id)


@receiver(events.module_started)
def module_started(sender, progress, page, **kwargs) -> None:
    _queue(progress.user_id, lambda user: [statements.launched(progress, user, page.title)])


@receiver(events.attempt_recorded)
def attempt_recorded(sender, attempt, page, completed, **kwargs) -> None:
    _queue(
        attempt.user_id,
        lambda user: statements.attempt_statements(attempt, user, completed=completed),
    )


@receiver(events.module_marked_done)
def module_marked_done(sender, progress, page, **kwargs) -> None:
    _queue(progress.user_id, lambda user: [statements.marked_done(progress, user, page.title)])
