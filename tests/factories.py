"""Builders for test content: a site in several languages with modules and quizzes."""

from __future__ import annotations

import datetime
import uuid

import factory
from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from modules.models import (
    KnowledgeCheckPage,
    ModuleIndexPage,
    ModulePage,
    ProgrammeModule,
    ProgrammePage,
    Region,
    Sector,
    SubRegion,
    Topic,
)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"sector-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    names = factory.LazyAttribute(lambda o: {"et": f"{o.name} (et)"})


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    names = factory.LazyAttribute(lambda o: {"et": f"{o.name} (et)"})


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "EE"
    name = "Estonia"
    names = {"et": "Eesti"}
    country = "EE"
    default_language = "et"


class SubRegionFactory(factory.django.DjangoModelFactory):
    """Harju County of Estonia unless told otherwise."""

    class Meta:
        model = SubRegion
        django_get_or_create = ("code",)

    code = "EE-37"
    name = "Harju County"
    names = {"et": "Harju maakond", "fr": "comté de Harju"}
    region = factory.SubFactory(RegionFactory)


def uid() -> str:
    return str(uuid.uuid4())


def choice_item(text: str, correct: bool = False, feedback: str = "") -> dict:
    return {
        "type": "item",
        "id": uid(),
        "value": {"text": text, "is_correct": correct, "feedback": feedback},
    }


def choice_question(kind: str, prompt: str, choices: list[dict], explanation: str = "") -> dict:
    """A `single_choice` or `multiple_choice` block holding `choice_item`s."""
    return {
        "type": kind,
        "id": uid(),
        "value": {"prompt": prompt, "explanation": explanation, "choices": choices},
    }


def sample_quiz() -> list[dict]:
    """Three questions, one of each kind, with distinctive feedback texts."""
    return [
        choice_question(
            "single_choice",
            "Which sender address is genuine?",
            [
                choice_item("billing@supplier.example", True, "FEEDBACK-RIGHT-SINGLE"),
                choice_item("billing@supp1ier.example", False, "FEEDBACK-WRONG-SINGLE"),
                choice_item("billing@supplier.example.co", False, "FEEDBACK-WRONG-SINGLE-2"),
            ],
            "EXPLANATION-SINGLE look at the domain.",
        ),
        choice_question(
            "multiple_choice",
            "Which are signs of phishing?",
            [
                choice_item("Urgency", True, "FEEDBACK-MULTI-1"),
                choice_item("A mismatched link", True, "FEEDBACK-MULTI-2"),
                choice_item("Your colleague's usual signature", False, "FEEDBACK-MULTI-3"),
            ],
            "EXPLANATION-MULTI",
        ),
        {
            "type": "true_false",
            "id": uid(),
            "value": {
                "statement": "You should reuse your password for work accounts.",
                "is_true": False,
                "explanation": "EXPLANATION-TF",
                "feedback_true": "FEEDBACK-TF-TRUE",
                "feedback_false": "FEEDBACK-TF-FALSE",
            },
        },
    ]


def sample_body() -> list[dict]:
    return [
        {"type": "heading", "id": uid(), "value": "Spotting a fake invoice"},
        {"type": "paragraph", "id": uid(), "value": "<p>Attackers imitate your suppliers.</p>"},
        {"type": "callout", "id": uid(), "value": {"kind": "tip", "text": "Call the supplier."}},
    ]


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def make_site() -> tuple[HomePage, ModuleIndexPage]:
    """An English home page as the default site's root, with a module index."""
    locales = ensure_locales()
    # A transactional test before this one may have emptied the page tree.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["en"])
    )
    # Replace the placeholder page Wagtail creates on install.
    Site.objects.all().delete()
    for placeholder in Page.objects.filter(depth=2, slug="home"):
        placeholder.delete()
    home = HomePage(
        title="CyberAware", slug="home", intro="Training for SMEs.", locale=locales["en"]
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(is_default_site=True, hostname="localhost", root_page=home, port=80)
    index = ModuleIndexPage(title="Modules", slug="modules", locale=locales["en"])
    home.add_child(instance=index)
    index.save_revision().publish()
    return home, index


def make_module(
    index: ModuleIndexPage,
    title: str = "Phishing at the utility",
    *,
    sectors=(),
    topics=(),
    quiz=None,
    **kwargs,
) -> ModulePage:
    module = ModulePage(
        title=title,
        slug=kwargs.pop("slug", None) or title.lower().replace(" ", "-"),
        summary=kwargs.pop("summary", f"Summary of {title}."),
        body=kwargs.pop("body", None) or sample_body(),
        quiz=sample_quiz() if quiz is None else quiz,
        locale=index.locale,
        **kwargs,
    )
    module.sectors = list(sectors)
    if topics:
        module.topics.add(*topics)
    index.add_child(instance=module)
    module.save_revision().publish()
    return module


def make_programme(home: HomePage, modules, title: str = "Water programme") -> ProgrammePage:
    programme = ProgrammePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        intro="<p>For water utilities.</p>",
        audience="Staff of small water utilities.",
        locale=home.locale,
    )
    programme.programme_modules = [
        ProgrammeModule(module=m, sort_order=i) for i, m in enumerate(modules)
    ]
    home.add_child(instance=programme)
    programme.save_revision().publish()
    return programme


def translate_page(page: Page, code: str = "et", *, publish: bool = True) -> Page:
    """Translate through wagtail-localize as the admin's "Translate" action does,
    which makes a draft, then publish it (unless `publish` is false).

    wagtail-localize publishes on transaction commit, which a test transaction
    never reaches, so the callbacks are run here.
    """
    from django.test import TestCase
    from wagtail_localize.operations import translate_object

    locale = Locale.objects.get(language_code=code)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(page, [locale])
    translation = page.get_translation(locale)
    if publish and not translation.live:
        with TestCase.captureOnCommitCallbacks(execute=True):
            translation.get_latest_revision().publish()
    return page.get_translation(locale).specific


def run_on_commit(func, *args, **kwargs):
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return func(*args, **kwargs)


def make_learner(
    email: str = "mari@example.com",
    *,
    region=None,
    sector=None,
    size: str = "small",
    consent=True,
    language: str = "et",
    organisation=None,
    role: str = "member",
    full_name: str = "Mari Maasikas",
):
    """A learner with a profile: their situation (region, sector, size, consent) and language.

    Without `organisation`, the learner is a member of the approved
    organisation "Tartu Vesi" of their region; `organisation=False` for none.
    """
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from learning.models import LearnerProfile, Organisation

    region = region or RegionFactory()
    user = get_user_model().objects.create_user(
        username=email, email=email, password="pw-Secret-123"
    )
    if organisation is None:
        organisation, _created = Organisation.objects.get_or_create(
            name="Tartu Vesi",
            region=region,
            defaults={"sector": sector, "size": size, "status": Organisation.Status.APPROVED},
        )
    LearnerProfile.objects.create(
        user=user,
        full_name=full_name,
        region=region,
        sector=sector,
        organisation=organisation or None,
        organisation_role=role if organisation else "",
        organisation_joined_at=timezone.now() if organisation else None,
        organisation_size=size,
        preferred_language=language,
        statistics_consent=consent,
    )
    return user


def quiz_answers(module, *, right: bool | int = True) -> dict[str, list[str]]:
    """Answers as `submit_quiz` takes them (question id to choice ids).

    `right` is True for every question right, False for every one wrong, or
    a number: that many questions right, in quiz order, and the rest wrong.
    """
    questions = module.quiz_definition.questions
    right_count = len(questions) if right is True else int(right)
    return {
        question.id: sorted(question.correct_ids)
        if position < right_count
        else [next(c.id for c in question.choices if not c.is_correct)]
        for position, question in enumerate(questions)
    }


def answers_for(module, *, right: bool | int = True) -> dict[str, list[str]]:
    """The same answers as the quiz form posts them (`q-<question id>`)."""
    return {f"q-{qid}": chosen for qid, chosen in quiz_answers(module, right=right).items()}


def record_attempt(
    user,
    module,
    *,
    answers: dict[str, list[str]] | None = None,
    passed: bool = True,
    at: datetime.datetime | None = None,
    language: str | None = None,
):
    """Record one quiz attempt through `learning.recording.submit_quiz`, as a submission does.

    - `answers` as `quiz_answers` gives them; without them, every question is
      answered right when `passed`, wrong otherwise.
    - `language`: answer the module's version in that language (translated
      through wagtail-localize first if it has none yet).
    - `at`: when the attempt was submitted. The database stamps an attempt
      when it is written, so the records this submission wrote (the attempt,
      the progress row's start if it is later, the completion and the
      certificates it issued) are moved to that time afterwards.
    - The learner's situation comes from their profile, as in a submission:
      set it with `make_learner(region=, sector=, size=, consent=)`.

    Returns the QuizAttempt.
    """
    from django.utils import timezone

    from learning.models import Certificate, ModuleProgress, QuizAttempt
    from learning.recording import submit_quiz

    if language is not None and module.locale.language_code != language:
        locale = Locale.objects.get(language_code=language)
        module = module.get_translation_or_none(locale) or translate_page(module, language)
    if answers is None:
        answers = quiz_answers(module, right=passed)
    before = timezone.now()
    attempt = submit_quiz(user, module, answers, uuid.uuid4()).attempt
    if at is not None:
        QuizAttempt.objects.filter(pk=attempt.pk).update(submitted_at=at)
        progress = ModuleProgress.objects.filter(pk=attempt.progress_id)
        progress.filter(started_at__gt=at).update(started_at=at)
        progress.filter(completed_at__gte=before).update(completed_at=at)
        Certificate.objects.filter(user=user, completed_at__gte=before).update(completed_at=at)
        attempt.refresh_from_db()
    return attempt


def survey_option(text: str) -> dict:
    return {"type": "item", "id": uid(), "value": {"text": text}}


def sample_survey_questions() -> list[dict]:
    """One question of each kind: a required statement, a required single
    choice, an optional multiple choice and a free text of at most 200 characters."""
    return [
        {
            "type": "likert",
            "id": uid(),
            "value": {"statement": "I can recognise a phishing e-mail.", "required": True},
        },
        {
            "type": "single_choice",
            "id": uid(),
            "value": {
                "prompt": "How often do you change your passwords?",
                "options": [survey_option("Never"), survey_option("Yearly")],
                "required": True,
            },
        },
        {
            "type": "multiple_choice",
            "id": uid(),
            "value": {
                "prompt": "Which of these do you use?",
                "options": [survey_option("A password manager"), survey_option("Two-step login")],
                "required": False,
            },
        },
        {
            "type": "free_text",
            "id": uid(),
            "value": {"prompt": "What would help you most?", "max_length": 200},
        },
    ]


class SurveyPageFactory:
    """A published survey under `parent` (a home or programme page).

    `SurveyPageFactory.create(parent, anonymous=True, placement="before")`;
    without `questions`, `sample_survey_questions()`.
    """

    @staticmethod
    def create(
        parent,
        title: str = "Awareness survey",
        *,
        questions: list[dict] | None = None,
        anonymous: bool = False,
        placement: str = "",
        thank_you: str = "",
        intro: str = "<p>Tell us what you think.</p>",
        publish: bool = True,
    ):
        from modules.models.measures import SurveyPage

        page = SurveyPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            intro=intro,
            questions=sample_survey_questions() if questions is None else questions,
            anonymous=anonymous,
            placement=placement,
            thank_you=thank_you,
            locale=parent.locale,
        )
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return SurveyPage.objects.get(pk=page.pk)


def check_pool(size: int, prefix: str = "Check question") -> list[dict]:
    """`size` single-choice questions, none of them in `sample_quiz`, each with one right answer."""
    return [
        choice_question(
            "single_choice",
            f"{prefix} {n}",
            [
                choice_item(f"Right answer {n}", True, f"FEEDBACK-CHECK-RIGHT-{n}"),
                choice_item(f"Wrong answer {n}", False, f"FEEDBACK-CHECK-WRONG-{n}"),
            ],
            f"EXPLANATION-CHECK-{n}",
        )
        for n in range(1, size + 1)
    ]


class KnowledgeCheckPageFactory(factory.Factory):
    """A published knowledge check under `parent` (a programme page), in its language.

    `KnowledgeCheckPageFactory(parent=programme, questions=check_pool(12),
    questions_per_check=5, retention_weeks=12)`; a pool of ten questions by default.
    """

    class Meta:
        model = KnowledgeCheckPage

    title = "Check what you know"
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    intro = "<p>A few questions before and after the programme.</p>"
    questions = factory.LazyFunction(lambda: check_pool(10))
    questions_per_check = 10
    retention_weeks = None

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            raise ValueError("A knowledge check needs its programme: pass parent=.")
        page = model_class(*args, locale=parent.locale, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
