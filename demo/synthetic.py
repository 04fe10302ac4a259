"""Seeded, synthetic learner activity: demo statistics and load-test volumes.

Everything is written with bulk inserts in batches (on PostgreSQL, COPY
with ids taken from the sequences beforehand, so no row has to come back);
the same seed always produces the same learners and records. Synthetic
accounts cannot sign in (unusable passwords) and use the reserved
`.invalid` e-mail domain. The statistics cells are rebuilt once at the end
rather than updated by their triggers row by row.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from learning.models import (
    Certificate,
    LearnerProfile,
    MembershipRole,
    ModuleProgress,
    Organisation,
    OrganisationSize,
    QuestionResult,
    QuizAttempt,
)
from learning.models.certificates import new_certificate_code
from learning.recording import quiz_snapshot
from learning.statistics import rebuild
from modules.models import ModulePage, Region, Sector, SubRegion

from .streams import DEMO_NAMESPACE

SIZES = [size for size, _label in OrganisationSize.choices]
# Submission tokens of generated attempts: uuid5 of the learner, module and attempt number.
TOKEN_NAMESPACE = uuid.uuid5(DEMO_NAMESPACE, "generated-attempts")
SIZE_WEIGHTS = [45, 30, 18, 7]


def bulk_insert(model, objects: list) -> None:
    """Insert many rows: PostgreSQL COPY where available, else bulk_create.

    Only for rows whose primary key is set in Python (`allocate_ids`) or not
    needed afterwards.
    """
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=5000)
        return
    from psycopg.types.json import Jsonb

    keys_given = objects[0].pk is not None
    fields = [
        f
        for f in model._meta.concrete_fields
        if keys_given or not (f.primary_key and isinstance(f, models.AutoField))
    ]
    for obj in objects:
        for field in fields:
            stamped = getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False)
            if stamped and getattr(obj, field.attname) is None:
                setattr(obj, field.attname, timezone.now())
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"COPY {table} ({columns}) FROM STDIN"  # noqa: S608 - names from the model
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objects:
            copy.write_row(
                [
                    Jsonb(value) if isinstance(field, models.JSONField) else value
                    for field in fields
                    for value in (getattr(obj, field.attname),)
                ]
            )


def allocate_ids(model, objects: list) -> None:
    """Give each object the next id of its table's sequence (PostgreSQL), so the
    rows can be copied in and referred to without reading them back."""
    if not objects or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, len(objects)],
        )
        for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
            obj.pk = pk


def _insert_with_ids(model, objects: list) -> list:
    """Insert rows and return them with their ids: COPY on PostgreSQL."""
    if connection.vendor == "postgresql":
        allocate_ids(model, objects)
        bulk_insert(model, objects)
        return objects
    return model.objects.bulk_create(objects)


class SubRegionChooser:
    """Which sub-region of their region a synthetic learner gives, if any.

    Decided by the learner's user name and the seed alone, with a random
    generator of its own: the learners' other records stay those the seed
    always gave, and learners made before there were sub-regions get the
    same ones later (`assign_subregions`)."""

    def __init__(self, seed: int, weights: dict[str, int] | None, without: float):
        self.seed = seed
        self.weights = weights or {}
        self.without = without
        self.by_region: dict = {}
        for subregion in SubRegion.objects.order_by("code"):
            self.by_region.setdefault(subregion.region_id, []).append(subregion)

    def choose(self, username: str, region_id) -> SubRegion | None:
        candidates = self.by_region.get(region_id)
        rng = random.Random(f"{self.seed}:{username}:subregion")  # noqa: S311 - synthetic data
        if not candidates or rng.random() < self.without:
            return None
        weights = [self.weights.get(subregion.code, 1) for subregion in candidates]
        return rng.choices(candidates, weights)[0]


def assign_subregions(
    *, prefix: str, seed: int, weights: dict[str, int] | None = None, without: float = 0.15
) -> int:
    """Give the synthetic learners of `prefix` without a sub-region the one
    `generate_activity` would have given them, on their profiles and progress
    rows (statistics cells are not cut by sub-region: nothing to rebuild), and
    their companies theirs. Returns how many learners got one."""
    chooser = SubRegionChooser(seed, weights, without)
    chosen: dict = {}
    for user_id, username, region_id in LearnerProfile.objects.filter(
        user__username__startswith=f"{prefix}-", subregion__isnull=True
    ).values_list("user_id", "user__username", "region_id"):
        subregion = chooser.choose(username, region_id)
        if subregion is not None:
            chosen.setdefault(subregion.pk, []).append(user_id)
    with transaction.atomic():
        for subregion_id, users in chosen.items():
            LearnerProfile.objects.filter(user_id__in=users).update(subregion_id=subregion_id)
            ModuleProgress.objects.filter(user_id__in=users, subregion__isnull=True).update(
                subregion_id=subregion_id
            )
        for region in Region.objects.filter(pk__in=chooser.by_region):
            for n in range(4):
                Organisation.objects.filter(
                    name=f"{prefix.title()} company {n} ({region.code})",
                    region=region,
                    subregion__isnull=True,
                ).update(subregion=_nth(chooser.by_region[region.pk], n))
    return sum(len(users) for users in chosen.values())


def _nth(subregions: list, n: int) -> SubRegion | None:
    """The n-th sub-region for the n-th generated company, none for the last one."""
    return subregions[n % len(subregions)] if subregions and n < 4 else None


@dataclass
class ModuleVersion:
    page: ModulePage
    questions: list  # (question id, correct ids, all choice ids, allows many)
    snapshot: dict


@dataclass
class GeneratedCounts:
    learners: int = 0
    progress: int = 0
    attempts: int = 0
    question_results: int = 0


def _module_versions() -> dict:
    """Live module versions by translation key, then language."""
    versions: dict = {}
    for page in ModulePage.objects.live().select_related("locale"):
        quiz = page.quiz_definition
        versions.setdefault(page.translation_key, {})[page.locale.language_code] = ModuleVersion(
            page=page,
            questions=[
                (q.id, sorted(q.correct_ids), [c.id for c in q.choices], q.allows_many)
                for q in quiz.questions
            ],
            snapshot=quiz_snapshot(page, quiz),
        )
    return versions


def generate_activity(
    *,
    learners: int,
    seed: int = 2026,
    prefix: str = "synthetic",
    days: int = 365,
    region_weights: dict[str, int] | None = None,
    subregion_weights: dict[str, int] | None = None,
    without_subregion: float = 0.15,
    modules_per_learner: tuple[int, int] = (1, 6),
    full_snapshots: bool = True,
    batch_size: int = 2000,
    report: Callable[[GeneratedCounts], None] | None = None,
) -> GeneratedCounts:
    """Create `learners` synthetic learners with progress, attempts and per-question results.

    Learners already created with the same prefix are skipped, so a re-run
    with the same arguments adds nothing. Most learners give a sub-region of
    their region (weighted by `subregion_weights`, 1 for those not named), a
    share `without_subregion` none; so do the generated companies but the last
    of each region.
    """
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    user_model = get_user_model()
    existing = set(
        user_model.objects.filter(username__startswith=f"{prefix}-").values_list(
            "username", flat=True
        )
    )
    regions = list(Region.objects.all())
    sectors = list(Sector.objects.all())
    if not regions:
        raise ValueError("Create the regions first (manage.py seed_demo).")
    versions = _module_versions()
    if not versions:
        raise ValueError("There are no live modules to generate activity for.")
    # Translation keys are random, so modules are taken in the order they were
    # created: the same seed then gives the same records in every database.
    module_keys = sorted(versions, key=lambda key: min(v.page.pk for v in versions[key].values()))
    weights = [(region_weights or {}).get(r.code, 1) for r in regions]
    water = next((s for s in sectors if s.slug == "water"), None)
    subregions = SubRegionChooser(seed, subregion_weights, without_subregion)
    organisations = {
        region.pk: [
            Organisation.objects.get_or_create(
                name=f"{prefix.title()} company {n} ({region.code})",
                region=region,
                defaults={
                    "size": SIZES[n % len(SIZES)],
                    "status": Organisation.Status.APPROVED,
                    "subregion": _nth(subregions.by_region.get(region.pk, []), n),
                },
            )[0]
            for n in range(5)
        ]
        for region in regions
    }
    now = timezone.now()
    unusable = make_password(None)
    counts = GeneratedCounts()
    for start in range(0, learners, batch_size):
        numbers = [
            n
            for n in range(start, min(start + batch_size, learners))
            if f"{prefix}-{n}@example.invalid" not in existing
        ]
        if not numbers:
            continue
        with transaction.atomic(), rebuild.bulk_load():
            users = _insert_with_ids(
                user_model,
                [
                    user_model(
                        username=f"{prefix}-{n}@example.invalid",
                        email=f"{prefix}-{n}@example.invalid",
                        password=unusable,
                        date_joined=now - datetime.timedelta(days=rng.uniform(0, days)),
                    )
                    for n in numbers
                ],
            )
            if users[0].pk is None:  # backends without RETURNING
                users = list(
                    user_model.objects.filter(username__in=[u.username for u in users]).order_by(
                        "pk"
                    )
                )
            profiles, progress_rows, attempt_rows, plans = [], [], [], []
            for user in users:
                region = rng.choices(regions, weights)[0]
                sector = (
                    water
                    if water and region.code == "EE" and rng.random() < 0.6
                    else rng.choice(sectors)
                )
                size = rng.choices(SIZES, SIZE_WEIGHTS)[0]
                organisation = rng.choice(organisations[region.pk])
                language = region.default_language if rng.random() < 0.8 else "en"
                consent = rng.random() < 0.92
                subregion = subregions.choose(user.username, region.pk)
                profiles.append(
                    LearnerProfile(
                        user=user,
                        full_name=f"Learner {user.pk}",
                        region=region,
                        subregion=subregion,
                        sector=sector,
                        organisation=organisation,
                        organisation_role=MembershipRole.MEMBER,
                        organisation_joined_at=user.date_joined,
                        organisation_size=size,
                        preferred_language=language,
                        statistics_consent=consent,
                        statistics_consent_at=user.date_joined if consent else None,
                    )
                )
                taken = rng.sample(
                    module_keys, min(len(module_keys), rng.randint(*modules_per_learner))
                )
                for key in taken:
                    by_language = versions[key]
                    version = (
                        by_language.get(language)
                        or by_language.get("en")
                        or next(iter(by_language.values()))
                    )
                    started = user.date_joined + datetime.timedelta(hours=rng.uniform(0, 24 * 30))
                    started = min(started, now)
                    skill = rng.uniform(0.45, 0.95)
                    attempts = []
                    limit = version.page.attempt_limit or 4
                    for number in range(1, rng.randint(1, limit) + 1):
                        answers, results = {}, []
                        for qid, correct, choices, _many in version.questions:
                            right = rng.random() < skill
                            if right:
                                picked = correct
                            else:
                                wrong = [c for c in choices if c not in correct] or choices
                                picked = [rng.choice(wrong)]
                            answers[qid] = picked
                            results.append((qid, right))
                        total = len(results) or 1
                        score = 100 * sum(1 for _q, r in results if r) // total
                        attempts.append(
                            (number, answers, results, score, score >= version.page.pass_mark)
                        )
                        if score >= version.page.pass_mark:
                            break
                        skill = min(skill + 0.15, 0.98)
                    if not version.questions:
                        attempts = []
                    passed = any(a[4] for a in attempts) or (
                        not version.questions and rng.random() < 0.7
                    )
                    completed_at = (
                        min(started + datetime.timedelta(minutes=rng.uniform(5, 60 * 24 * 3)), now)
                        if passed
                        else None
                    )
                    progress = ModuleProgress(
                        user=user,
                        module_key=key,
                        module_page=version.page,
                        module_title=version.page.title,
                        started_at=started,
                        completed_at=completed_at,
                        best_score=max((a[3] for a in attempts), default=None),
                        attempt_count=len(attempts),
                        first_attempt_passed=attempts[0][4] if attempts else None,
                        started_language=version.page.locale.language_code,
                        completed_language=version.page.locale.language_code if passed else "",
                        region=region,
                        subregion=subregion,
                        sector=sector,
                        organisation=organisation,
                        organisation_size=size,
                        counts_in_statistics=consent,
                    )
                    progress_rows.append(progress)
                    plans.append((progress, version, attempts, started, completed_at))
            bulk_insert(LearnerProfile, profiles)
            _insert_with_ids(ModuleProgress, progress_rows)
            if progress_rows and progress_rows[0].pk is None:
                saved = {
                    (p.user_id, p.module_key): p.pk
                    for p in ModuleProgress.objects.filter(user__in=users).only(
                        "pk", "user_id", "module_key"
                    )
                }
                for p in progress_rows:
                    p.pk = saved[(p.user_id, p.module_key)]
            results_rows, certificates = [], []
            for progress, version, attempts, _started, completed_at in plans:
                for number, answers, results, score, passed in attempts:
                    attempt = QuizAttempt(
                        user_id=progress.user_id,
                        progress=progress,
                        number=number,
                        # From the attempt itself, not the random stream: a later run that
                        # adds learners replays the stream from the seed.
                        submission_token=uuid.uuid5(
                            TOKEN_NAMESPACE, f"{progress.user_id}:{progress.module_key}:{number}"
                        ),
                        module_key=progress.module_key,
                        module_page=version.page,
                        language=version.page.locale.language_code,
                        answers=answers,
                        snapshot=version.snapshot
                        if full_snapshots
                        else {"title": version.page.title},
                        score=score,
                        correct_count=sum(1 for _q, r in results if r),
                        question_count=len(results),
                        pass_mark=version.page.pass_mark,
                        passed=passed,
                    )
                    attempt_rows.append(attempt)
                    results_rows.extend(
                        QuestionResult(
                            attempt=attempt,
                            progress=progress,
                            module_key=progress.module_key,
                            question_id=qid,
                            language=attempt.language,
                            is_correct=right,
                        )
                        for qid, right in results
                    )
                if completed_at is not None:
                    certificates.append(
                        Certificate(
                            code=new_certificate_code(),
                            user_id=progress.user_id,
                            kind=Certificate.Kind.MODULE,
                            subject_key=progress.module_key,
                            title=version.page.title,
                            learner_name=f"Learner {progress.user_id}",
                            language=version.page.locale.language_code,
                            score=progress.best_score,
                            completed_at=completed_at,
                        )
                    )
            for attempt in attempt_rows:
                # auto_now_add is not applied by COPY; bulk_create would stamp "now".
                attempt.submitted_at = attempt.progress.completed_at or attempt.progress.started_at
            bulk_insert(QuizAttempt, attempt_rows)
            bulk_insert(QuestionResult, results_rows)
            bulk_insert(Certificate, certificates)
            counts.learners += len(users)
            counts.progress += len(progress_rows)
            counts.attempts += len(attempt_rows)
            counts.question_results += len(results_rows)
        if report:
            report(counts)
    if counts.learners:
        rebuild.rebuild_cells()
    return counts
