"""Quiz results of modules launched from a platform go to its gradebook (LTI Assignment and Grade Services).

`learning` announces each recorded attempt once it is committed; the score
is sent by a task, so a slow or failing gradebook never holds up or breaks
the learner's request. A send that fails is tried again later, a few times.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from learning import events
from learning.models import QuizAttempt

from .accounts import is_platform_user
from .models import GradebookLink
from .tool import as_pylti_registration

logger = logging.getLogger(__name__)

# How often a score is tried, and how long to wait before the next try.
TRIES = getattr(settings, "LTI_SCORE_TRIES", 5)
RETRY_AFTER = datetime.timedelta(minutes=10)
TIMEOUT_SECONDS = 10


def on_attempt_recorded(sender, attempt, page, completed: bool, **kwargs) -> None:
    if attempt.user_id is None or not is_platform_user(attempt.user):
        return
    links = GradebookLink.objects.filter(
        account__user_id=attempt.user_id, module_key=attempt.module_key
    ).values_list("pk", flat=True)
    for link_id in links:
        try:
            send_score.enqueue(link_id, str(attempt.pk), 1)
        except Exception:
            # The learner's attempt is recorded whatever happens to the gradebook.
            logger.exception("Could not queue a score for gradebook link %s", link_id)


events.attempt_recorded.connect(on_attempt_recorded, dispatch_uid="lti_scores")


class _TimeoutSession:
    def __init__(self):
        import requests

        self.session = requests.Session()
        self.session.headers["User-Agent"] = "CyberAware-LTI"

    def get(self, *args, **kwargs):
        return self.session.get(*args, timeout=TIMEOUT_SECONDS, **kwargs)

    def post(self, *args, **kwargs):
        return self.session.post(*args, timeout=TIMEOUT_SECONDS, **kwargs)


def grade_for(link: GradebookLink, attempt) -> Grade:
    """The module's result as the gradebook keeps it: the best score so far, out of 100."""
    progress = attempt.progress
    best = max((a.score for a in progress.attempts.all()), default=attempt.score)
    done = progress.completed_at is not None
    return (
        Grade()
        .set_score_given(best)
        .set_score_maximum(100)
        .set_user_id(link.account.subject)
        .set_timestamp(attempt.submitted_at.isoformat())
        .set_activity_progress("Completed" if done else "InProgress")
        .set_grading_progress("FullyGraded")
    )


@task()
def send_score(link_id: int, attempt_id: str, try_number: int = 1) -> bool:
    """Send one attempt's result to the line item of `link_id`; True once the platform took it."""
    link = GradebookLink.objects.select_related("account__registration").filter(pk=link_id).first()
    attempt = QuizAttempt.objects.select_related("progress").filter(pk=attempt_id).first()
    if link is None or attempt is None or not link.account.registration.active:
        return False
    service = AssignmentsGradesService(
        ServiceConnector(as_pylti_registration(link.account.registration), _TimeoutSession()),
        {"scope": link.scopes, "lineitem": link.lineitem_url},
    )
    try:
        service.put_grade(grade_for(link, attempt))
        return True
    except Exception:
        logger.warning(
            "Score for gradebook link %s not sent (try %s of %s)",
            link_id,
            try_number,
            TRIES,
            exc_info=True,
        )
    if try_number < TRIES and default_task_backend.supports_defer:
        send_score.using(run_after=timezone.now() + RETRY_AFTER * try_number).enqueue(
            link_id, attempt_id, try_number + 1
        )
    return False
