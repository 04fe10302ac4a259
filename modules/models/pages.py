"""Page types editors author: the module index, modules and programmes."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator, slug_unicode_re
from django.db import models
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching import SharedCachePage, active_locale
from modules.blocks import LessonStreamBlock, QuizStreamBlock
from modules.quiz import Quiz, quiz_from_stream

from .taxonomy import Sector, Topic, TopicTaggedModule

MODULES_PER_PAGE = 12
# Where no version exists in the reader's language, English is the last resort.
DEFAULT_FALLBACK = "en"


def with_card_relations(modules: QuerySet) -> QuerySet:
    """`modules` with what a module card in a list of modules to choose from
    (the module list, search) shows, loaded for the whole list at once: cover
    image, language, sectors and topics. The same queries however many modules
    it shows."""
    return modules.select_related("cover_image", "locale").prefetch_related(
        "sectors",
        Prefetch("tagged_topics", queryset=TopicTaggedModule.objects.select_related("tag")),
    )


def by_display_name(items) -> list:
    """Regions, sectors or topics in the alphabetical order of the active language."""
    return sorted(items, key=lambda item: item.display_name.casefold())


def localized_versions(
    pages, locale: Locale | None = None, fallback_languages: Sequence[str] = ()
) -> list[Page]:
    """Each page in the best language available: `locale`, then each fallback
    language in turn, then the page as given. Only live versions are chosen.

    A fixed number of queries for the whole list, whatever its length.
    """
    pages = list(pages)
    if not pages:
        return []
    locale = locale or active_locale()
    preference = [locale.language_code, *fallback_languages]
    model = type(pages[0])
    versions: dict = {}
    chosen_from = (
        model.objects.live()
        .filter(
            locale__language_code__in=preference,
            translation_key__in=[p.translation_key for p in pages],
        )
        .select_related("locale")
    )
    if issubclass(model, ModulePage):
        # Module cards show the cover image and sectors of each module, never
        # the lesson or quiz, whose JSON would cost more to load than the rest.
        chosen_from = (
            chosen_from.select_related("cover_image")
            .prefetch_related("sectors")
            .defer_streamfields()
        )
    for page in chosen_from:
        versions.setdefault(page.translation_key, {})[page.locale.language_code] = page
    chosen = []
    for page in pages:
        available = versions.get(page.translation_key, {})
        chosen.append(next((available[c] for c in preference if c in available), page))
    return chosen


def _slug_or_blank(value: str) -> str:
    return value if slug_unicode_re.fullmatch(value) else ""


class ModuleIndexPage(SharedCachePage, Page):
    """Lists the modules of one language, filterable by sector and topic."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["modules.ModulePage"]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("module index")

    def live_modules(self):
        return ModulePage.objects.child_of(self).live()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = self.live_modules()
        # Anything that is not a slug (a NUL byte breaks PostgreSQL) matches no filter.
        sector_slug = _slug_or_blank(request.GET.get("sector", ""))
        topic_slug = _slug_or_blank(request.GET.get("topic", ""))
        active_sector = Sector.objects.filter(slug=sector_slug).first() if sector_slug else None
        active_topic = Topic.objects.filter(slug=topic_slug).first() if topic_slug else None
        # Counts are for the other filter, so each sector shows how many
        # modules choosing it would list.
        sector_counts = Sector.objects.annotate(
            module_count=Count(
                "modules",
                filter=Q(modules__in=modules.filter(tagged_topics__tag=active_topic))
                if active_topic
                else Q(modules__in=modules),
                distinct=True,
            )
        ).filter(module_count__gt=0)
        topic_modules = modules.filter(sectors=active_sector) if active_sector else modules
        # Only topics of this language's live modules: a topic no module here
        # carries would filter to an empty list.
        topic_counts = by_display_name(
            Topic.objects.filter(tagged_modules__content_object__in=topic_modules).annotate(
                module_count=Count("tagged_modules", distinct=True)
            )
        )
        if sector_slug:
            modules = modules.filter(sectors=active_sector) if active_sector else modules.none()
        if topic_slug:
            modules = (
                modules.filter(tagged_topics__tag=active_topic) if active_topic else modules.none()
            )
        modules = with_card_relations(modules.distinct().order_by("title"))
        paginator = Paginator(modules, MODULES_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            modules=page_obj.object_list,
            page_obj=page_obj,
            paginator=paginator,
            sector_counts=sector_counts,
            topic_counts=topic_counts,
            active_sector=active_sector,
            active_topic=active_topic,
            active_filter_count=bool(sector_slug) + bool(topic_slug),
            sector_slug=sector_slug,
            topic_slug=topic_slug,
        )
        return context


class ModulePage(SharedCachePage, Page):
    """One unit of learning: a short lesson followed by a quiz."""

    LEVEL_CHOICES = [
        ("beginner", _("Beginner")),
        ("intermediate", _("Intermediate")),
        ("advanced", _("Advanced")),
    ]

    summary = models.TextField(_("summary"), max_length=400)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=10, validators=[MinValueValidator(1)]
    )
    level = models.CharField(_("level"), max_length=20, choices=LEVEL_CHOICES, default="beginner")
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sectors = ParentalManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="modules"
    )
    topics = ClusterTaggableManager(through=TopicTaggedModule, verbose_name=_("topics"), blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson"))
    quiz = StreamField(QuizStreamBlock(), verbose_name=_("quiz"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    attempt_limit = models.PositiveSmallIntegerField(
        _("attempt limit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty to allow unlimited attempts."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle answers"), default=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("level"),
                FieldPanel("cover_image"),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics"),
            ],
            heading=_("About this module"),
        ),
        FieldPanel("body"),
    ]
    quiz_panels = [
        FieldPanel("quiz"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempt_limit"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
            ],
            heading=_("Quiz settings"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(quiz_panels, heading=_("Quiz")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
    ]

    # Scores, limits and flags are the same in every language; texts are translated.
    override_translatable_fields = [
        SynchronizedField("estimated_minutes"),
        SynchronizedField("pass_mark"),
        SynchronizedField("attempt_limit"),
        SynchronizedField("shuffle_questions"),
        SynchronizedField("shuffle_choices"),
        SynchronizedField("cover_image"),
        TranslatableField("quiz"),
    ]

    parent_page_types = ["modules.ModuleIndexPage"]
    subpage_types: list[str] = []

    # Editors check the quiz as learners meet it; nothing is recorded in any mode.
    PREVIEW_QUIZ = "quiz"
    PREVIEW_RESULT = "result"
    preview_modes = [
        ("", _("Lesson")),
        (PREVIEW_QUIZ, _("Quiz as a learner sees it")),
        (PREVIEW_RESULT, _("Result with sample answers")),
    ]

    class Meta:
        verbose_name = _("module")

    @cached_property
    def quiz_definition(self) -> Quiz:
        return quiz_from_stream(self.quiz)

    def lesson_sections(self) -> dict[str, str]:
        """The lesson's headings, block id -> text, in lesson order."""
        return {str(block.id): block.value for block in self.body if block.block_type == "heading"}

    def clean(self) -> None:
        super().clean()
        self._check_section_references()

    def _check_section_references(self) -> None:
        """Each question's lesson section must be a heading of this lesson.

        Checked here rather than in the question block, which cannot see the
        lesson. The error is attached to the question's field, so the editor
        finds it on the question that needs a new choice.
        """
        sections = self.lesson_sections()
        errors = {}
        for number, block in enumerate(self.quiz, start=1):
            section = block.value.get("section")
            if section and section not in sections:
                errors[number - 1] = StructBlockValidationError(
                    block_errors={
                        "section": ValidationError(self._missing_section(number, sections))
                    }
                )
        if errors:
            raise ValidationError({"quiz": StreamBlockValidationError(block_errors=errors)})

    @staticmethod
    def _missing_section(number: int, sections: dict[str, str]) -> str:
        if not sections:
            return gettext(
                "Question %(number)d refers to a lesson section, but the lesson has no "
                "headings. Choose “No particular section” or add the heading to the lesson."
            ) % {"number": number}
        return gettext(
            "Question %(number)d refers to a lesson section that no longer exists. "
            "Choose one of: %(sections)s."
        ) % {"number": number, "sections": ", ".join(f"“{text}”" for text in sections.values())}

    def get_preview_template(self, request, mode_name: str) -> str:
        if mode_name == self.PREVIEW_QUIZ:
            return "modules/preview/quiz.html"
        if mode_name == self.PREVIEW_RESULT:
            return "modules/preview/result.html"
        return super().get_preview_template(request, mode_name)

    def get_preview_context(self, request, mode_name: str) -> dict:
        context = super().get_preview_context(request, mode_name)
        context["quiz_preview"] = mode_name in (self.PREVIEW_QUIZ, self.PREVIEW_RESULT)
        return context

    def serve_preview(self, request, mode_name: str):
        # In the module's language, not the editor's admin language. The dummy
        # request's path usually says it already; a page Wagtail cannot route
        # yet has no such path. Rendered here: Wagtail renders the response
        # after this override has ended.
        with translation.override(self.locale.language_code):
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
        return response

    def topics_in_order(self) -> list[Topic]:
        """The module's topics, named and sorted in the active language (from
        the prefetched tags where a list loaded them)."""
        items = self.tagged_topics.all()
        if "tagged_topics" not in getattr(self, "_prefetched_objects_cache", {}):
            items = items.select_related("tag")
        return by_display_name(item.tag for item in items)

    @property
    def has_quiz(self) -> bool:
        # Every block of the quiz stream is a question (blocks of unknown types
        # are dropped when the stream is read), so counting them needs no parsing.
        return len(self.quiz) > 0


def reminder_offsets(text: str) -> list[int]:
    """ "14, 3" -> [14, 3]: the days before a due date, largest first, without repeats."""
    return sorted({int(part) for part in text.replace(" ", "").split(",") if part}, reverse=True)


def validate_reminder_days(text: str) -> None:
    try:
        offsets = reminder_offsets(text)
    except ValueError:
        raise ValidationError(
            _("Write whole numbers of days separated by commas, e.g. 14,3.")
        ) from None
    if any(offset < 0 or offset > 365 for offset in offsets) or len(offsets) > 10:
        raise ValidationError(_("Use at most ten numbers of days, each from 0 to 365."))


class ProgrammePage(SharedCachePage, Page):
    """An ordered set of modules for a target audience (regions and sectors)."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul", "ol"])
    audience = models.CharField(
        _("audience"),
        max_length=255,
        blank=True,
        help_text=_("One sentence saying who this programme is for."),
    )
    regions = ParentalManyToManyField(
        "modules.Region", verbose_name=_("regions"), blank=True, related_name="programmes"
    )
    sectors = ParentalManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="programmes"
    )
    # Refresher training and deadlines: the same in every language.
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificates valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Leave empty for certificates that never expire; 12 for annual refresher training."
        ),
    )
    reminder_days_before = models.CharField(
        _("reminders before the due date (days)"),
        max_length=60,
        blank=True,
        default="14,3",
        validators=[validate_reminder_days],
        help_text=_("Days before a due date on which learners get a reminder, e.g. 14,3."),
    )
    reminder_overdue_every_days = models.PositiveSmallIntegerField(
        _("while overdue, remind every (days)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    max_reminders = models.PositiveSmallIntegerField(
        _("at most this many reminders per learner"),
        default=5,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
    )
    team_completion_target = models.PositiveSmallIntegerField(
        _("team completion target (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "An organisation counts as trained once this share of its staff completed the programme."
        ),
    )

    # Printed on the programme's certificates, before the learner's region's agency.
    issuing_agency = models.CharField(
        _("issuing agency"),
        max_length=200,
        blank=True,
        help_text=_(
            "The agency that issues this programme's certificates. "
            "Leave empty to use the agency of the learner's region."
        ),
    )
    agency_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("agency logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("audience"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Target audience"),
        ),
        InlinePanel("programme_modules", label=_("Modules"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("issuing_agency"), FieldPanel("agency_logo")],
            heading=_("Certificates"),
        ),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("certificate_validity_months"),
                FieldPanel("reminder_days_before"),
                FieldPanel("reminder_overdue_every_days"),
                FieldPanel("max_reminders"),
                FieldPanel("team_completion_target"),
            ],
            heading=_("Deadlines, reminders and renewal"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("certificate_validity_months"),
        SynchronizedField("reminder_days_before"),
        SynchronizedField("reminder_overdue_every_days"),
        SynchronizedField("max_reminders"),
        SynchronizedField("team_completion_target"),
        # The name is translated with the page; the logo is the same everywhere.
        TranslatableField("issuing_agency"),
        SynchronizedField("agency_logo"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("audience"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["modules.KnowledgeCheckPage", "modules.SurveyPage"]

    class Meta:
        verbose_name = _("programme")

    def module_pages(
        self, fallback_languages: Sequence[str] = (DEFAULT_FALLBACK,)
    ) -> list[ModulePage]:
        """The programme's live modules in order, each in the best language available:
        the active one, then each fallback language."""
        modules = [
            item.module
            for item in self.programme_modules.select_related("module").order_by("sort_order")
            if item.module is not None and item.module.live
        ]
        return localized_versions(modules, fallback_languages=fallback_languages)


class ProgrammeModule(Orderable):
    programme = ParentalKey(
        ProgrammePage, on_delete=models.CASCADE, related_name="programme_modules"
    )
    # Points at one language version; the programme page shows the module in
    # the reader's language. Synchronised so every translation lists the same modules.
    module = models.ForeignKey(
        ModulePage,
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("module")]
    translatable_fields = [SynchronizedField("module")]

    class Meta(Orderable.Meta):
        verbose_name = _("programme module")
        verbose_name_plural = _("programme modules")
