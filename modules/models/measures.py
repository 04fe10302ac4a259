"""Page types that measure what training changed: knowledge checks and surveys.

A programme may hold one knowledge check (a child page): a pool of questions,
authored like a quiz, from which a learner is given a baseline check before
their first module, a final check after the last, and a retention check some
weeks later. A survey stands on its own under a home page, or under a
programme to be answered before or after it. What learners answer is kept by
the `impact` app; these pages are what editors write.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from caching import SharedCachePage
from modules.blocks import QuizStreamBlock
from modules.quiz import Quiz, quiz_from_stream
from modules.survey import Survey, survey_from_stream
from modules.survey_blocks import SurveyStreamBlock

INTRO_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class KnowledgeCheckPageForm(WagtailAdminPageForm):
    """Tells a page being created which programme it goes under: its pool is
    compared with that programme's module quizzes before it has a parent."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.pk:
            self.instance.parent_when_created = parent_page


class KnowledgeCheckPage(SharedCachePage, Page):
    """A programme's pool of check questions, apart from its modules' quizzes."""

    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    questions = StreamField(
        QuizStreamBlock(),
        verbose_name=_("question pool"),
        help_text=_(
            "Questions about the programme's subject that its modules' quizzes do not ask. "
            "Each check draws its questions from this pool."
        ),
    )
    questions_per_check = models.PositiveSmallIntegerField(
        _("questions per check"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("A check asks this many questions of the pool, or all of them if fewer."),
    )
    retention_weeks = models.PositiveSmallIntegerField(
        _("retention check after (weeks)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(104)],
        help_text=_(
            "Weeks after completing the programme when learners are invited by e-mail to a "
            "retention check. Leave empty for no retention check."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("questions")]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [FieldPanel("questions_per_check"), FieldPanel("retention_weeks")],
            heading=_("Checks"),
        )
    ]
    override_translatable_fields = [
        SynchronizedField("questions_per_check"),
        SynchronizedField("retention_weeks"),
    ]

    parent_page_types = ["modules.ProgrammePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    base_form_class = KnowledgeCheckPageForm
    # Set by the admin's create form: the programme the new page will be under.
    parent_when_created: Page | None = None

    class Meta:
        verbose_name = _("knowledge check")

    @cached_property
    def pool(self) -> Quiz:
        return quiz_from_stream(self.questions)

    def clean(self) -> None:
        super().clean()
        parent = self.get_parent() if self.pk else self.parent_when_created
        programme = getattr(parent, "specific", None)
        if programme is None or not hasattr(programme, "module_pages"):
            return
        repeated = repeated_quiz_prompts(self.pool, programme)
        if repeated:
            raise ValidationError(
                {
                    "questions": _(
                        "These questions are also in a module's quiz, so learners would be "
                        "checked on answers they have just seen: %(questions)s"
                    )
                    % {"questions": "; ".join(repeated)}
                }
            )


def repeated_quiz_prompts(pool: Quiz, programme) -> list[str]:
    """The pool's questions whose wording is also a question of one of the
    programme's module quizzes (compared without case and spacing)."""

    def normal(text: str) -> str:
        return " ".join(text.split()).casefold()

    module_prompts = {
        normal(question.prompt)
        for module in programme.module_pages()
        for question in module.quiz_definition.questions
    }
    return [
        question.prompt for question in pool.questions if normal(question.prompt) in module_prompts
    ]


class SurveyPlacement(models.TextChoices):
    STANDALONE = "", _("On its own")
    BEFORE = "before", _("Before the programme")
    AFTER = "after", _("After the programme")


def placement_error(placement: str, parent) -> str | None:
    """Why a survey with this placement cannot stand under `parent`, or None."""
    if not placement or parent is None:
        return None
    if parent.specific_class.__name__ == "ProgrammePage":
        return None
    return _("Only a survey under a programme can be placed before or after it.")


class SurveyPageForm(WagtailAdminPageForm):
    """Checks the placement against the parent the page is created under too:
    a page being created has no parent in the tree yet, only in its form."""

    def clean(self):
        cleaned = super().clean()
        error = placement_error(cleaned.get("placement") or "", self.parent_page)
        if error is not None:
            self.add_error("placement", error)
        return cleaned


class SurveyPage(Page):
    """An awareness survey: statements to rate, choices and optional free text.

    Not served from the shared page cache: its form carries a CSRF token and,
    for a signed-in reader, whether they have answered already.
    """

    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    questions = StreamField(SurveyStreamBlock(), verbose_name=_("questions"))
    anonymous = models.BooleanField(
        _("anonymous responses"),
        default=False,
        help_text=_(
            "Anyone may answer without signing in and no response is linked to an account. "
            "Otherwise respondents sign in and answer once each."
        ),
    )
    placement = models.CharField(
        _("placement"),
        max_length=10,
        choices=SurveyPlacement.choices,
        default=SurveyPlacement.STANDALONE,
        blank=True,
        help_text=_("Under a programme: whether learners are asked before or after it."),
    )
    thank_you = models.TextField(_("thank-you message"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("questions"),
        FieldPanel("thank_you"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("anonymous"), FieldPanel("placement")], heading=_("Responses"))
    ]
    override_translatable_fields = [
        SynchronizedField("anonymous"),
        SynchronizedField("placement"),
    ]

    parent_page_types = ["home.HomePage", "modules.ProgrammePage"]
    subpage_types: list[str] = []
    base_form_class = SurveyPageForm

    class Meta:
        verbose_name = _("survey")

    @cached_property
    def survey(self) -> Survey:
        return survey_from_stream(self.questions)

    def clean(self) -> None:
        super().clean()
        error = placement_error(self.placement, self.get_parent() if self.pk else None)
        if error is not None:
            raise ValidationError({"placement": error})

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["survey"] = self.survey
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The form holds a one-time token and, signed in, whether the reader
        # answered: going back to it must fetch it afresh, never reuse a copy.
        patch_cache_control(response, private=True, no_store=True)
        return response
