"""Admin viewsets for the reference data editors maintain."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .editor_home import ModulesWithGapsPanel, MyDraftsPanel, may_edit_pages
from .forms import (
    TRANSLATED_LANGUAGES,
    LocalizedNamesForm,
    RegionForm,
    agency_field_name,
    name_field_name,
)
from .models import Region, Sector, SubRegion, Topic
from .reports import TranslationsReportView, can_view_translations_report
from .translations_panel import translations_panel

TRANSLATED_NAME_PANELS = MultiFieldPanel(
    [FieldPanel(name_field_name(code)) for code in TRANSLATED_LANGUAGES],
    heading=_("Translated names"),
)


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "code", "country", "default_language"]
    list_filter = ["country", "default_language"]
    search_fields = ["name", "code"]
    ordering = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("code"),
            FieldPanel("country"),
            FieldPanel("default_language"),
            TRANSLATED_NAME_PANELS,
            MultiFieldPanel(
                [
                    FieldPanel("operator_name"),
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                    FieldPanel("contact_address"),
                ],
                heading=_("Privacy contact"),
                help_text=_("Shown to this region's learners in the privacy notice."),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("issuing_agency"),
                    *(FieldPanel(agency_field_name(code)) for code in TRANSLATED_LANGUAGES),
                    FieldPanel("agency_logo"),
                ],
                heading=_("Certificates"),
                help_text=_(
                    "Printed on the certificates of this region's learners, "
                    "unless their programme names its own agency."
                ),
            ),
        ],
        base_form_class=RegionForm,
    )


class SubRegionViewSet(SnippetViewSet):
    model = SubRegion
    icon = "site"
    menu_label = _("Sub-regions")
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]
    ordering = ["region__name", "name"]
    edit_handler = ObjectList(
        [FieldPanel("region"), FieldPanel("name"), FieldPanel("code"), TRANSLATED_NAME_PANELS],
        base_form_class=LocalizedNamesForm,
    )


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Sectors")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order"), TRANSLATED_NAME_PANELS],
        base_form_class=LocalizedNamesForm,
    )


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), TRANSLATED_NAME_PANELS],
        base_form_class=LocalizedNamesForm,
    )


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (RegionViewSet, SubRegionViewSet, SectorViewSet, TopicViewSet)
    menu_icon = "folder-inverse"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


class TranslationsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_translations_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return TranslationsReportMenuItem(
        _("Translations"), reverse("modules_translations_report"), icon_name="globe", order=700
    )


@hooks.register("register_admin_urls")
def register_translations_report_url():
    return [
        path(
            "reports/translations/",
            TranslationsReportView.as_view(),
            name="modules_translations_report",
        )
    ]


@hooks.register("construct_reports_menu")
def hide_wagtail_localize_translations_report(request, menu_items):
    """Reports → Translations is the project's report above; wagtail-localize's
    own, which listed every translation to anyone in the admin, redirects to it
    (`modules.localize_guard`)."""
    localize_report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_report]


@hooks.register("construct_homepage_panels")
def add_editor_panels(request, panels):
    """An editor's dashboard: their unpublished drafts, modules missing a quiz or a
    sector, and what is left to translate into their languages."""
    if may_edit_pages(request.user):
        panels.extend([MyDraftsPanel(request), ModulesWithGapsPanel(request)])
    translations = translations_panel(request.user)
    if translations is not None:
        panels.append(translations)
