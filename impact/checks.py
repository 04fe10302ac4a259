"""The learner's side of a programme's knowledge checks.

Which check is open for a learner (`check_state`), the questions a check asks
them (`draw_questions`), and recording a submitted check together with the
learner's `KnowledgeRecord` (`submit_check`). The page and the programme page
read through here; the reports read the records it writes.

A check asks the same questions whenever the learner opens it: they are drawn
with a seed made of the learner, the programme and the occasion, so a reload,
another tab or another language version of the page shows the same ones (the
pool's question ids are the same in every language).
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from caching import cached, request_host
from learning.grading import InvalidSubmission, grade
from learning.models import LearnerProfile, ModuleProgress
from learning.progress import progress_rows
from modules.models import KnowledgeCheckPage, ProgrammePage
from modules.quiz import Quiz

from .models import CheckAttempt, KnowledgeRecord, Occasion

BASELINE = Occasion.BASELINE.value
FINAL = Occasion.FINAL.value
RETENTION = Occasion.RETENTION.value
OCCASIONS = (BASELINE, FINAL, RETENTION)

# Why no check is open for a learner.
ANONYMOUS = "anonymous"
NO_PROFILE = "no_profile"
# Modules begun before a baseline: too late for it, too early for the final check.
STARTED = "started"
# The baseline is taken (or was missed) and modules remain before the final check.
MODULES_LEFT = "modules_left"
RETENTION_LATER = "retention_later"
FINISHED = "finished"

# About half a minute a question: what the panels promise a learner.
SECONDS_PER_QUESTION = 30


@dataclass(frozen=True)
class ProgrammeCheck:
    """What the programme page and the check page need to know of a programme's check,
    the same for every reader until the next publish."""

    page_id: int
    url: str
    title: str
    programme_key: str
    module_keys: tuple[str, ...]
    # Questions a check asks: the setting, or the whole pool when it is smaller.
    question_count: int
    retention_weeks: int | None

    @property
    def minutes(self) -> int:
        return max(1, -(-self.question_count * SECONDS_PER_QUESTION // 60))


def check_of(page: KnowledgeCheckPage, programme: ProgrammePage) -> ProgrammeCheck:
    return ProgrammeCheck(
        page_id=page.pk,
        url=page.url or "",
        title=page.title,
        programme_key=str(programme.translation_key),
        module_keys=tuple(str(module.translation_key) for module in programme.module_pages()),
        question_count=min(page.questions_per_check, len(page.pool)),
        retention_weeks=page.retention_weeks,
    )


def programme_check(
    programme: ProgrammePage, request: HttpRequest | None = None
) -> ProgrammeCheck | None:
    """The programme's live check with questions to ask, or None; from the shared cache."""

    def build() -> ProgrammeCheck | bool:
        page = KnowledgeCheckPage.objects.child_of(programme).live().first()
        if page is None or not page.pool:
            return False
        # Relative on the request's own site, as the rest of the page links.
        return replace(check_of(page, programme), url=page.get_url(request) or "")

    return cached(("programme_check", request_host(request), programme.pk), build, request) or None


@dataclass(frozen=True)
class CheckState:
    """The check open now for a learner (`open`), or why none is (`reason`)."""

    open: str = ""
    reason: str = ""
    record: KnowledgeRecord | None = None
    modules_total: int = 0
    modules_completed: int = 0

    @property
    def modules_left(self) -> int:
        return self.modules_total - self.modules_completed


def decide(
    record: KnowledgeRecord | None,
    *,
    modules_total: int,
    modules_started: int,
    modules_completed: int,
    today: datetime.date,
) -> CheckState:
    """The rules: a baseline before any module is begun, a final check once every
    module is completed, a retention check from its due date; each once."""
    counts = {
        "record": record,
        "modules_total": modules_total,
        "modules_completed": modules_completed,
    }
    taken = {
        occasion: record is not None and getattr(record, f"{occasion}_at") is not None
        for occasion in OCCASIONS
    }
    if taken[FINAL]:
        if taken[RETENTION] or record.retention_due_on is None:
            return CheckState(reason=FINISHED, **counts)
        if record.retention_due_on <= today:
            return CheckState(open=RETENTION, **counts)
        return CheckState(reason=RETENTION_LATER, **counts)
    if modules_total and modules_completed >= modules_total:
        return CheckState(open=FINAL, **counts)
    if not taken[BASELINE] and not modules_started:
        return CheckState(open=BASELINE, **counts)
    return CheckState(reason=MODULES_LEFT if taken[BASELINE] else STARTED, **counts)


def check_state(user, check: ProgrammeCheck, *, lock: bool = False) -> CheckState:
    """The learner's state on the check: at most two queries (their record and
    their progress on the programme's modules) beside the profile."""
    if not user.is_authenticated:
        return CheckState(reason=ANONYMOUS)
    if LearnerProfile.objects.for_user(user) is None:
        return CheckState(reason=NO_PROFILE)
    records = KnowledgeRecord.objects.filter(user=user, programme_key=check.programme_key)
    if lock:
        records = records.select_for_update()
    record = records.first()
    # Recording reads the rows afresh; a page shares the rows its other panels read.
    rows = (
        list(ModuleProgress.objects.filter(user=user, module_key__in=check.module_keys))
        if lock
        else list(progress_rows(user, check.module_keys).values())
    )
    return decide(
        record,
        modules_total=len(check.module_keys),
        modules_started=len(rows),
        modules_completed=sum(1 for row in rows if row.completed_at is not None),
        today=timezone.localdate(),
    )


def occasion_name(occasion: str) -> str:
    return {
        BASELINE: _("Baseline check"),
        FINAL: _("Final check"),
        RETENTION: _("Retention check"),
    }[occasion]


def final_opens_message(state: CheckState) -> str:
    return ngettext(
        "The final check opens once you have completed the programme's module.",
        "The final check opens once you have completed all %(total)d modules: %(left)d to go.",
        state.modules_total,
    ) % {"total": state.modules_total, "left": state.modules_left}


def reason_messages(state: CheckState) -> list[str]:
    """Why no check is open for this learner, in sentences to show them."""
    if state.reason == STARTED:
        return [
            _(
                "You already started the programme's modules, so a baseline check would not "
                "measure where you started."
            ),
            final_opens_message(state),
        ]
    if state.reason == MODULES_LEFT:
        return [_("You have taken the baseline check."), final_opens_message(state)]
    if state.reason == RETENTION_LATER:
        return [
            _("You have taken the final check."),
            _("A retention check opens on %(date)s, to see how much you still remember.")
            % {"date": date_format(state.record.retention_due_on, "DATE_FORMAT")},
        ]
    if state.reason == FINISHED:
        return [_("You have taken every check of this programme. Thank you!")]
    return []


def gain_sentence(record: KnowledgeRecord | None) -> str:
    """The learner's own gain in words, from the checks they have taken, or ""."""
    if record is None:
        return ""
    values = {
        "before": record.baseline_correct,
        "before_total": record.baseline_total,
        "after": record.final_correct,
        "after_total": record.final_total,
        "later": record.retention_correct,
        "later_total": record.retention_total,
    }
    has_before = record.baseline_at is not None
    has_after = record.final_at is not None
    has_later = has_after and record.retention_at is not None
    weeks = max((record.retention_at - record.final_at).days // 7, 0) if has_later else 0
    values["weeks"] = weeks
    if has_before and has_later:
        text = ngettext(
            "You answered %(before)d of %(before_total)d before the programme, %(after)d of "
            "%(after_total)d after it and %(later)d of %(later_total)d %(weeks)d week later.",
            "You answered %(before)d of %(before_total)d before the programme, %(after)d of "
            "%(after_total)d after it and %(later)d of %(later_total)d %(weeks)d weeks later.",
            weeks,
        )
    elif has_before and has_after:
        text = _(
            "You answered %(before)d of %(before_total)d before the programme and %(after)d of "
            "%(after_total)d after it."
        )
    elif has_later:
        text = ngettext(
            "You answered %(after)d of %(after_total)d after the programme and %(later)d of "
            "%(later_total)d %(weeks)d week later.",
            "You answered %(after)d of %(after_total)d after the programme and %(later)d of "
            "%(later_total)d %(weeks)d weeks later.",
            weeks,
        )
    elif has_after:
        text = _("You answered %(after)d of %(after_total)d after the programme.")
    elif has_before:
        text = _("You answered %(before)d of %(before_total)d before the programme.")
    else:
        return ""
    return text % values


def draw_questions(
    pool: Quiz, count: int, *, seed: str, asked_before: Collection[str] = ()
) -> Quiz:
    """`count` questions of the pool (all of them when it is smaller), the same for
    the same seed; questions not in `asked_before` first, so a final or
    retention check asks what the learner has not seen when the pool allows."""
    rng = random.Random(seed)  # noqa: S311 - which questions to ask, not a secret
    count = min(count, len(pool.questions))
    unseen = [question for question in pool.questions if question.id not in asked_before]
    seen = [question for question in pool.questions if question.id in asked_before]
    drawn = rng.sample(unseen, min(count, len(unseen)))
    drawn += rng.sample(seen, count - len(drawn))
    rng.shuffle(drawn)
    return Quiz(tuple(drawn))


def draw_seed(user, check: ProgrammeCheck, occasion: str) -> str:
    return f"{user.pk}:{check.programme_key}:{occasion}"


def earlier_attempts(user, check: ProgrammeCheck) -> list[CheckAttempt]:
    return list(
        CheckAttempt.objects.filter(user=user, programme_key=check.programme_key)
        .only("id", "occasion", "question_ids", "created_at")
        .order_by("created_at")
    )


def questions_for(
    user,
    page: KnowledgeCheckPage,
    check: ProgrammeCheck,
    occasion: str,
    attempts: Sequence[CheckAttempt],
) -> Quiz:
    """The questions the learner's check on this occasion asks, from the page's pool."""
    asked = {
        question_id
        for attempt in attempts
        if attempt.occasion != occasion
        for question_id in attempt.question_ids
    }
    return draw_questions(
        page.pool,
        page.questions_per_check,
        seed=draw_seed(user, check, occasion),
        asked_before=asked,
    )


class CheckRefused(InvalidSubmission):
    """The check cannot be submitted; `status` is the HTTP status to answer with."""

    status = 400


class AlreadyTaken(CheckRefused):
    status = 409


class NotOpen(CheckRefused):
    status = 409


@dataclass(frozen=True)
class CheckOutcome:
    attempt: CheckAttempt
    # False when the same form had been submitted before and that attempt is returned.
    created: bool


def submit_check(
    user,
    page: KnowledgeCheckPage,
    programme: ProgrammePage,
    occasion: str,
    answers: Mapping[str, Sequence[str]],
    token: uuid.UUID,
) -> CheckOutcome:
    """Grade and record one check, with the learner's record, in one transaction.

    Raises `CheckRefused` (nothing written) when the check is not open, was
    taken already, or the answers are not this learner's questions; an
    `InvalidSubmission` with question errors when an answer is missing.
    """
    if occasion not in OCCASIONS:
        raise CheckRefused(_("This check does not exist. Reload the page and try again."))
    check = check_of(page, programme)
    for last_try in (False, True):
        try:
            with transaction.atomic():
                return _submit(user, page, check, occasion, answers, token)
        except IntegrityError:
            # Another request recorded this form, or this occasion, first.
            earlier = CheckAttempt.objects.filter(token=token).first()
            if earlier is not None:
                return _same_submission(earlier, user)
            if CheckAttempt.objects.filter(
                user=user, programme_key=check.programme_key, occasion=occasion
            ).exists():
                raise _already_taken(occasion) from None
            if last_try:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _already_taken(occasion: str) -> AlreadyTaken:
    return AlreadyTaken(
        {
            BASELINE: _("You have already taken the baseline check. Each check is taken once."),
            FINAL: _("You have already taken the final check. Each check is taken once."),
            RETENTION: _("You have already taken the retention check. Each check is taken once."),
        }[occasion]
    )


def _same_submission(attempt: CheckAttempt, user) -> CheckOutcome:
    if attempt.user_id != user.pk:
        raise CheckRefused(_("This check form is not valid any more. Reload the page."))
    return CheckOutcome(attempt=attempt, created=False)


def _submit(
    user,
    page: KnowledgeCheckPage,
    check: ProgrammeCheck,
    occasion: str,
    answers: Mapping[str, Sequence[str]],
    token: uuid.UUID,
) -> CheckOutcome:
    # The learner's row is the lock: two tabs of one learner record one after the other.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    earlier = CheckAttempt.objects.filter(token=token).first()
    if earlier is not None:
        return _same_submission(earlier, user)
    profile = LearnerProfile.objects.for_user(user)
    if profile is None:
        raise CheckRefused(_("Please complete your learner profile before taking the check."))
    state = check_state(user, check, lock=True)
    record = state.record
    if record is not None and getattr(record, f"{occasion}_at") is not None:
        raise _already_taken(occasion)
    if state.open != occasion:
        raise NotOpen(
            _("This check is not open for you now. The check page says which one is and when.")
        )
    quiz = questions_for(user, page, check, occasion, earlier_attempts(user, check))
    pool_ids = {question.id for question in page.pool.questions}
    if any(question_id not in pool_ids for question_id in answers):
        raise CheckRefused(
            _("The answers refer to questions that are not in this check. Reload the page.")
        )
    drawn_ids = {question.id for question in quiz.questions}
    if any(question_id not in drawn_ids for question_id in answers):
        raise CheckRefused(
            _("The answers refer to questions you were not asked. Reload the page and try again.")
        )
    result = grade(quiz, answers, pass_mark=0)
    now = timezone.now()
    language = page.locale.language_code
    attempt = CheckAttempt.objects.create(
        user=user,
        programme_key=check.programme_key,
        check_page=page,
        occasion=occasion,
        language=language,
        token=token,
        question_ids=[question.id for question in quiz.questions],
        answers={outcome.question_id: list(outcome.chosen) for outcome in result.outcomes},
        correct=result.correct_count,
        total=result.question_count,
        score=result.score,
        created_at=now,
    )
    if record is None:
        record = KnowledgeRecord(user=user, programme_key=check.programme_key)
    # The learner's situation where they started: at the baseline, else at the final check.
    if occasion == BASELINE or (occasion == FINAL and record.baseline_at is None):
        record.copy_situation(profile)
        record.language = language
    setattr(record, f"{occasion}_score", result.score)
    setattr(record, f"{occasion}_correct", result.correct_count)
    setattr(record, f"{occasion}_total", result.question_count)
    setattr(record, f"{occasion}_at", now)
    if occasion == FINAL and page.retention_weeks:
        record.retention_due_on = timezone.localdate(now) + datetime.timedelta(
            weeks=page.retention_weeks
        )
    record.save()
    return CheckOutcome(attempt=attempt, created=True)
