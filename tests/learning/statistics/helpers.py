"""People, learners and their records for the statistics tests, and the world most of them use.

Records are written directly, as the quiz would leave them, so that a test
can set what the reports count (dates, scores, languages, consent) exactly.
"""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from learning.models import (
    LearnerProfile,
    ManagerRegions,
    ModuleProgress,
    QuestionResult,
    QuizAttempt,
)
from tests.admin_reports.exports import csv_table
from tests.factories import RegionFactory, SectorFactory, make_module, make_programme

# The mark of a hidden figure, whether it is small or hidden to protect a small one.
HIDDEN = "hidden"


def staff(username, *, codename=None, regions=()):
    """A member of staff with admin access and, with `codename`, a statistics permission."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    perms = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    ]
    if codename:
        perms.append(Permission.objects.get(content_type__app_label="learning", codename=codename))
    group = Group.objects.create(name=f"group-{username}")
    group.permissions.add(*perms)
    user.groups.add(group)
    if regions:
        ManagerRegions.objects.create(user=user).regions.set(regions)
    return user


def learner(n, region, sector, *, size="small", consent=True, language="et"):
    """Learner number `n` of the region, with a profile (`sector` may be None)."""
    user = get_user_model().objects.create_user(
        f"l{n}-{region.code}@example.com", f"l{n}-{region.code}@example.com", "pw"
    )
    LearnerProfile.objects.create(
        user=user,
        full_name=f"Learner {n}",
        region=region,
        sector=sector,
        organisation_size=size,
        preferred_language=language,
        statistics_consent=consent,
    )
    return user


def record(
    user,
    module,
    *,
    started: datetime.datetime,
    completed_after: datetime.timedelta | None,
    score: int,
    attempts: int,
    first_passed: bool,
    language: str,
) -> ModuleProgress:
    """The learner's progress record in the module, without its attempts
    (`answer` adds them), in the situation their profile gives."""
    profile = user.learner_profile
    completed = completed_after is not None
    return ModuleProgress.objects.create(
        user=user,
        module_key=module.translation_key,
        module_page=module,
        module_title=module.title,
        started_at=started,
        completed_at=started + completed_after if completed else None,
        best_score=score if attempts else None,
        attempt_count=attempts,
        first_attempt_passed=first_passed if attempts else None,
        started_language=language,
        completed_language=language if completed else "",
        region=profile.region,
        subregion=profile.subregion,
        sector=profile.sector,
        organisation_size=profile.organisation_size,
        counts_in_statistics=profile.statistics_consent,
    )


def answer(
    row,
    module,
    *,
    number: int,
    language: str,
    right: list[bool],
    score: int = 0,
    chosen: list[list[str]] | None = None,
):
    """Attempt `number` on the record, answering the module's questions in order
    (`right`: which answers were right); passed when all were. The options chosen
    are the right ones, or the first wrong one, unless `chosen` gives them."""
    questions = module.quiz_definition.questions
    if chosen is None:
        chosen = [
            sorted(question.correct_ids)
            if ok
            else [next(c.id for c in question.choices if not c.is_correct)]
            for question, ok in zip(questions, right, strict=False)
        ]
    attempt = QuizAttempt.objects.create(
        user_id=row.user_id,
        progress=row,
        number=number,
        submission_token=uuid.uuid4(),
        module_key=row.module_key,
        module_page=module,
        language=language,
        answers={question.id: ids for question, ids in zip(questions, chosen, strict=False)},
        snapshot={},
        score=score,
        correct_count=sum(right),
        question_count=len(right),
        pass_mark=70,
        passed=all(right),
    )
    QuestionResult.objects.bulk_create(
        QuestionResult(
            attempt=attempt,
            progress=row,
            module_key=row.module_key,
            question_id=question.id,
            language=language,
            is_correct=ok,
        )
        for question, ok in zip(questions, right, strict=False)
    )
    return attempt


def progress(
    user,
    module,
    *,
    completed=True,
    score=80,
    language="et",
    days_ago=10,
    attempts=1,
    first_passed=True,
):
    """A record with its attempts: the first passed or not, later ones passed. The
    first question is always answered right, the others when the attempt passed."""
    row = record(
        user,
        module,
        started=timezone.now() - datetime.timedelta(days=days_ago),
        completed_after=datetime.timedelta(hours=1) if completed else None,
        score=score,
        attempts=attempts,
        first_passed=first_passed,
        language=language,
    )
    questions = len(module.quiz_definition.questions)
    for number in range(1, attempts + 1):
        passed = first_passed if number == 1 else True
        right = [index == 0 or passed for index in range(questions)]
        answer(row, module, number=number, language=language, right=right, score=score)
    return row


@pytest.fixture
def world(site_pages):
    """Estonia: 6 water learners + 2 energy learners; Brittany: 6 learners."""
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia", default_language="et")
    brittany = RegionFactory(code="FR-BRE", name="Brittany", country="FR", default_language="fr")
    water = SectorFactory(slug="water", name="Water")
    energy = SectorFactory(slug="energy", name="Energy")
    phishing = make_module(index, "Phishing at the utility", sectors=[water])
    backups = make_module(index, "Backups", sectors=[water])
    programme = make_programme(home, [phishing, backups], title="Water programme")
    programme.regions.set([estonia])
    ee = [learner(n, estonia, water) for n in range(6)] + [
        learner(n + 6, estonia, energy, size="micro") for n in range(2)
    ]
    fr = [learner(n, brittany, water, language="fr") for n in range(6)]
    # Estonia: all 6 water learners completed phishing (scores 70..95); 5 of them backups.
    for n, user in enumerate(ee[:6]):
        progress(user, phishing, score=70 + 5 * n, attempts=1 if n < 4 else 2, first_passed=n < 4)
    for user in ee[:5]:
        progress(user, backups, score=100)
    # One Estonian energy learner started phishing only; one did nothing.
    progress(ee[6], phishing, completed=False, attempts=0)
    # Brittany: 6 learners completed phishing in French.
    for user in fr:
        progress(user, phishing, score=60, language="fr")
    # A learner who refused consent never counts.
    refuser = learner(99, estonia, water, consent=False)
    progress(refuser, phishing, score=100)
    manager = staff("manager", codename="view_statistics", regions=[estonia])
    coordinator = staff("coordinator", codename="view_all_regions")
    editor = staff("editor")
    return locals()


def rows_of(client, url, **params):
    """The report's rows as its CSV export gives them."""
    response = client.get(url, {**params, "export": "csv"})
    assert response.status_code == 200
    return csv_table(b"".join(response.streaming_content).decode())
