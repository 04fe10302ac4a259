"""Demo knowledge checks and survey responses, so the impact reports have figures to show.

Who takes which check follows their module records, as the platform would
let them: a baseline check before their first module of the water
programme, a final check once they have completed all of them, a
retention check some weeks later. The statistics learners (most of them in
Estonia, a few elsewhere) then show learning gain above the suppression
threshold for Estonia and hidden cells for the small groups; most of those
who took the final check answered the survey after the programme, and
anonymous respondents (many of them students in Košice) answered the
standalone survey. The demo learner has taken the baseline check only, so
her programme page shows the final check waiting for her last modules; in
her organisation's team, one colleague's retention check is open and not
taken, so `manage.py send_reminders` invites him.

Idempotent like the rest of the seed: every choice comes from a random
generator seeded with the person's user name (or the respondent's number),
learners who have a knowledge record or a survey response are skipped, and
anonymous responses carry fixed tokens.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone

from impact.models import CheckAttempt, KnowledgeRecord, Occasion, SurveyAnswer, SurveyResponse
from learning.models import LearnerProfile, ModuleProgress, OrganisationSize
from modules.models import KnowledgeCheckPage, ProgrammePage, Region, Sector, SurveyPage
from modules.survey import FREE_TEXT, LIKERT, SURVEY_MULTIPLE_CHOICE

from .content import organisations, site
from .organisations import WATER_PROGRAMME
from .streams import DEMO_NAMESPACE

SEED = 2026
NAMESPACE = uuid.uuid5(DEMO_NAMESPACE, "impact")
# The statistics learners, who take any module, and those who came for the water
# programme (seed_demo's two cohorts).
GENERAL_PREFIX = "demo-learner-"
WATER_PREFIX = "demo-water-"
ANONYMOUS_RESPONDENTS = 96
# Where the anonymous respondents live: the Košice partner surveys its students.
ANONYMOUS_REGIONS = {"SK-KI": 34, "EE": 32, "FR-BRE": 6, "IT-52": 6, "ES-CL": 6, "SI": 4}

# What respondents wrote, in their language (none names a person or a company).
WATER_FREE_TEXT = {
    "et": [
        "Lühike meeldetuletus kord kvartalis, eriti õngitsuse kohta.",
        "Rohkem harjutusi juhtimissüsteemi rikke korral tegutsemiseks.",
        "Selge juhend, kellele ja kuidas intsidendist teatada.",
        "Paroolihaldur kõigile töötajatele, mitte ainult IT-le.",
        "Automaatikapartneriga tuleks kaugühenduse reeglid kirja panna.",
        "Õppus koos naaberettevõttega oleks kasulik.",
        "Juhtkond peaks ka koolituse läbima.",
        "Varukoopia taastamist tuleks regulaarselt harjutada.",
    ],
    "en": [
        "Regular short refreshers, especially on phishing.",
        "A tested plan for running the plant by hand.",
        "Clear rules for remote access with our automation contractor.",
        "More time for training during working hours.",
    ],
    "fr": ["Des exercices pratiques sur les sauvegardes."],
    "it": ["Un referente per la sicurezza informatica in ogni turno."],
    "sk": ["Pravidelné krátke školenia pre všetkých zamestnancov."],
    "sl": ["Več praktičnih vaj za primer izpada sistema."],
    "es": ["Un simulacro de incidente al año con todo el equipo."],
}
ANONYMOUS_FREE_TEXT = {
    "sk": [
        "Bojím sa, že mi niekto ukradne účet na sociálnej sieti.",
        "Podvodné SMS o balíkoch, chodia stále častejšie.",
        "Neviem, či sú moje heslá dosť silné.",
        "Že škola nemá jasné pravidlá pre vlastné zariadenia.",
        "Zneužitie osobných údajov z únikov.",
        "Podvody cez falošné e-shopy.",
    ],
    "et": [
        "Petukõned, mis tunduvad väga usutavad.",
        "Et ma ei märka õngitsuskirja õigel ajal.",
        "Meie väikeettevõttes pole kedagi, kes IT-turvalisusega tegeleks.",
        "Isikuandmete lekked.",
        "Lunavara, mis krüpteerib kõik failid.",
    ],
    "en": [
        "Losing access to my accounts.",
        "Scams that use artificial intelligence to imitate voices.",
        "That small businesses are easy targets.",
    ],
    "fr": ["Le piratage de ma messagerie.", "Les arnaques au faux conseiller bancaire."],
    "it": ["Le truffe via SMS e telefono.", "Il furto dei dati personali."],
    "sl": ["Kraja identitete na spletu."],
    "es": ["Que roben mis datos bancarios.", "Los fraudes por mensajes de texto."],
}


@dataclass
class Shares:
    """The share of people, among those who could, who took each check."""

    baseline: float = 0.85
    final: float = 0.9
    retention: float = 0.6


@dataclass
class Counts:
    records: int = 0
    attempts: int = 0
    responses: int = 0
    answers: int = 0


def ensure_demo_impact(stdout: OutputWrapper | None = None) -> Counts:
    programme = ProgrammePage.objects.get(slug=WATER_PROGRAMME, locale__language_code="en")
    english_check = KnowledgeCheckPage.objects.child_of(programme).first()
    if english_check is None:
        return Counts()
    checks = _by_language(KnowledgeCheckPage, english_check.translation_key)
    module_keys = set(programme.programme_modules.values_list("module__translation_key", flat=True))
    counts = Counts()
    with transaction.atomic():
        people = LearnerProfile.objects.select_related("user")
        _knowledge(
            people.filter(user__username__startswith=WATER_PREFIX),
            programme,
            checks,
            module_keys,
            Shares(),
            counts,
        )
        # Of the others, some came to the water programme among other training.
        _knowledge(
            people.filter(user__username__startswith=GENERAL_PREFIX),
            programme,
            checks,
            module_keys,
            Shares(baseline=0.5),
            counts,
            least_started=2,
        )
        team = LearnerProfile.objects.select_related("user").filter(
            organisation__name__in=_team_organisations(),
            user__email__endswith="@example.com",
        )
        # The demo's named people take every check they can, but the retention
        # check waits for the reminder job's invitation.
        _knowledge(team, programme, checks, module_keys, Shares(1, 1, 0), counts)
        survey = SurveyPage.objects.child_of(programme).filter(live=True).first()
        if survey is not None:
            _water_survey(survey, programme, counts)
        for slug in site().get("surveys", []):
            english = SurveyPage.objects.filter(slug=slug, locale__language_code="en").first()
            if english is not None and english.anonymous:
                _anonymous_survey(english, counts)
    if stdout is not None and (counts.records or counts.responses):
        stdout.write(
            f"Recorded {counts.attempts} knowledge checks of {counts.records} learners and "
            f"{counts.responses} survey responses with {counts.answers} answers."
        )
    return counts


def _team_organisations() -> list[str]:
    return [entry["name"] for entry in organisations()["approved"]]


def _by_language(model, translation_key) -> dict:
    return {
        page.locale.language_code: page
        for page in model.objects.live()
        .filter(translation_key=translation_key)
        .select_related("locale")
    }


def _in_language(pages: dict, language: str):
    return pages.get(language) or pages.get("en") or next(iter(pages.values()))


def _take(check, occasion: str, skill: float, at: datetime, user, rng: random.Random):
    """One check attempt: questions drawn from the pool, each right with the chance `skill`."""
    pool = list(check.pool.questions)
    drawn = rng.sample(pool, min(check.questions_per_check, len(pool)))
    answers, correct = {}, 0
    for question in drawn:
        right = rng.random() < skill
        if right:
            answers[question.id] = sorted(question.correct_ids)
            correct += 1
        else:
            wrong = [c.id for c in question.choices if not c.is_correct]
            answers[question.id] = [rng.choice(wrong)]
    total = len(drawn)
    return CheckAttempt(
        user=user,
        check_page=check,
        occasion=occasion,
        language=check.locale.language_code,
        token=uuid.uuid5(NAMESPACE, f"check:{user.username}:{occasion}"),
        question_ids=[q.id for q in drawn],
        answers=answers,
        correct=correct,
        total=total,
        score=100 * correct // total if total else 0,
        created_at=at,
    )


def _knowledge(
    profiles,
    programme,
    checks: dict,
    module_keys: set,
    shares: Shares,
    counts: Counts,
    least_started: int = 1,
) -> None:
    profiles = list(profiles)
    done = set(
        KnowledgeRecord.objects.filter(
            programme_key=programme.translation_key, user__in=[p.user_id for p in profiles]
        ).values_list("user_id", flat=True)
    )
    progress: dict = {}
    for row in ModuleProgress.objects.filter(
        user_id__in=[p.user_id for p in profiles], module_key__in=module_keys
    ):
        progress.setdefault(row.user_id, []).append(row)
    now = timezone.now()
    records, attempts = [], []
    for profile in sorted(profiles, key=lambda p: p.user.username):
        rows = progress.get(profile.user_id)
        if profile.user_id in done or len(rows or ()) < least_started:
            continue
        user = profile.user
        rng = random.Random(f"{SEED}:{user.username}:impact")  # noqa: S311 - demo data
        if rng.random() >= shares.baseline:
            continue
        check = _in_language(checks, profile.preferred_language)
        skill = rng.uniform(0.25, 0.7)
        record = KnowledgeRecord(
            user=user, programme_key=programme.translation_key, language=check.locale.language_code
        )
        record.copy_situation(profile)
        started = min(row.started_at for row in rows)
        taken = [_take(check, Occasion.BASELINE, skill, started - timedelta(minutes=20), user, rng)]
        completed = [row.completed_at for row in rows if row.completed_at]
        if len(completed) >= len(module_keys) and rng.random() < shares.final:
            skill = min(skill + rng.uniform(0.15, 0.4), 0.97)
            final_at = min(max(completed) + timedelta(minutes=rng.uniform(2, 180)), now)
            taken.append(_take(check, Occasion.FINAL, skill, final_at, user, rng))
            weeks = check.retention_weeks
            if weeks:
                record.retention_due_on = timezone.localdate(final_at) + timedelta(weeks=weeks)
                opened = timezone.make_aware(
                    datetime.combine(record.retention_due_on, datetime.min.time())
                )
                if opened < now and rng.random() < shares.retention:
                    at = min(opened + timedelta(days=rng.uniform(0.2, 20)), now)
                    skill = max(skill - rng.uniform(0.0, 0.15), 0.2)
                    taken.append(_take(check, Occasion.RETENTION, skill, at, user, rng))
        for attempt in taken:
            attempt.programme_key = programme.translation_key
            prefix = attempt.occasion
            setattr(record, f"{prefix}_score", attempt.score)
            setattr(record, f"{prefix}_correct", attempt.correct)
            setattr(record, f"{prefix}_total", attempt.total)
            setattr(record, f"{prefix}_at", attempt.created_at)
        records.append(record)
        attempts.extend(taken)
    KnowledgeRecord.objects.bulk_create(records)
    CheckAttempt.objects.bulk_create(attempts)
    counts.records += len(records)
    counts.attempts += len(attempts)


def _answers(survey, response: SurveyResponse, rng: random.Random, texts: dict, lean: float):
    """Answers to every question: ratings leaning towards agreement by `lean` (-1 to 1)."""
    rows = []
    for position, question in enumerate(survey.questions):
        if question.kind == LIKERT:
            # Each statement has its own level of agreement, the same for everyone.
            centre = 3.2 + lean + ((position * 37) % 10 - 4) / 8
            value = round(rng.gauss(centre, 0.9))
            rows.append(
                SurveyAnswer(
                    response=response, question_id=question.id, value=min(max(value, 1), 5)
                )
            )
        elif question.kind == FREE_TEXT:
            pool = texts.get(response.language) or texts["en"]
            if rng.random() < 0.4:
                rows.append(
                    SurveyAnswer(response=response, question_id=question.id, text=rng.choice(pool))
                )
        elif question.kind == SURVEY_MULTIPLE_CHOICE:
            *options, last = question.options
            chosen = [o for o in options if rng.random() < 0.25 + 0.1 * lean]
            for option in chosen or [last]:
                rows.append(
                    SurveyAnswer(response=response, question_id=question.id, option_id=option.id)
                )
        else:
            weights = [len(question.options) - i for i in range(len(question.options))]
            option = rng.choices(question.options, weights)[0]
            rows.append(
                SurveyAnswer(response=response, question_id=question.id, option_id=option.id)
            )
    return rows


def _water_survey(english: SurveyPage, programme, counts: Counts) -> None:
    """Most learners who took the final check answered the survey after the programme."""
    pages = _by_language(SurveyPage, english.translation_key)
    answered = set(
        SurveyResponse.objects.filter(
            survey_key=english.translation_key, user__isnull=False
        ).values_list("user_id", flat=True)
    )
    records = (
        KnowledgeRecord.objects.filter(
            programme_key=programme.translation_key, final_at__isnull=False, user__isnull=False
        )
        .exclude(user_id__in=answered)
        .select_related("user")
        .order_by("user__username")
    )
    profiles = LearnerProfile.objects.in_bulk(
        [record.user_id for record in records], field_name="user_id"
    )
    responses, answers = [], []
    now = timezone.now()
    for record in records:
        profile = profiles.get(record.user_id)
        rng = random.Random(f"{SEED}:{record.user.username}:survey")  # noqa: S311 - demo data
        if profile is None or rng.random() >= 0.8:
            continue
        page = _in_language(pages, profile.preferred_language)
        response = SurveyResponse(
            survey_key=english.translation_key,
            survey_page=page,
            user=record.user,
            token=uuid.uuid5(NAMESPACE, f"survey:{record.user.username}:{english.slug}"),
            programme_key=programme.translation_key,
            created_at=min(record.final_at + timedelta(minutes=rng.uniform(3, 60 * 48)), now),
            language=page.locale.language_code,
        )
        response.copy_situation(profile)
        responses.append(response)
        # Those who gained more agree more.
        gain = (record.final_score or 0) - (record.baseline_score or 0)
        answers += _answers(page.survey, response, rng, WATER_FREE_TEXT, min(gain / 60, 1))
    SurveyResponse.objects.bulk_create(responses)
    SurveyAnswer.objects.bulk_create(answers)
    counts.responses += len(responses)
    counts.answers += len(answers)


def _anonymous_survey(english: SurveyPage, counts: Counts) -> None:
    """Respondents without accounts, in their region's language, some giving sector and size."""
    pages = _by_language(SurveyPage, english.translation_key)
    tokens = {
        n: uuid.uuid5(NAMESPACE, f"anonymous:{english.slug}:{n}")
        for n in range(ANONYMOUS_RESPONDENTS)
    }
    known = set(
        SurveyResponse.objects.filter(token__in=tokens.values()).values_list("token", flat=True)
    )
    regions = {region.code: region for region in Region.objects.filter(code__in=ANONYMOUS_REGIONS)}
    sectors = list(Sector.objects.order_by("sort_order", "slug"))
    sizes = [size for size, _label in OrganisationSize.choices]
    codes = sorted(regions)
    weights = [ANONYMOUS_REGIONS[code] for code in codes]
    now = timezone.now()
    responses, answers = [], []
    for n, token in tokens.items():
        if token in known or not codes:
            continue
        rng = random.Random(f"{SEED}:anonymous:{n}")  # noqa: S311 - demo data
        region = regions[rng.choices(codes, weights)[0]]
        language = region.default_language if rng.random() < 0.85 else "en"
        page = _in_language(pages, language)
        student = region.code == "SK-KI" and rng.random() < 0.7
        response = SurveyResponse(
            survey_key=english.translation_key,
            survey_page=page,
            token=token,
            created_at=now - timedelta(days=rng.uniform(0, 90)),
            region=region,
            language=page.locale.language_code,
            counts_in_statistics=True,
        )
        if not student and rng.random() < 0.6:
            response.sector = rng.choice(sectors) if sectors else None
            response.organisation_size = rng.choice(sizes)
        responses.append(response)
        rows = _answers(page.survey, response, rng, ANONYMOUS_FREE_TEXT, -0.3 if student else 0)
        # "What describes you best?": students say so (its first option), the others not.
        describe = next(q for q in page.survey.questions if q.options and not q.allows_many)
        option = describe.options[0] if student else rng.choices(describe.options[1:], [5, 3, 1])[0]
        rows = [row for row in rows if row.question_id != describe.id]
        rows.append(SurveyAnswer(response=response, question_id=describe.id, option_id=option.id))
        answers += rows
    SurveyResponse.objects.bulk_create(responses)
    SurveyAnswer.objects.bulk_create(answers)
    counts.responses += len(responses)
    counts.answers += len(answers)
