"""The site shell: one HomePage per language."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from caching import SharedCachePage
from modules.models import ModuleIndexPage, ProgrammePage, Sector


class HomePage(SharedCachePage, Page):
    intro = models.TextField(_("introduction"), blank=True)
    sectors_heading = models.CharField(_("sectors heading"), max_length=120, blank=True)
    programmes_heading = models.CharField(_("programmes heading"), max_length=120, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("programmes_heading"),
        FieldPanel("sectors_heading"),
    ]
    subpage_types = ["modules.ModuleIndexPage", "modules.ProgrammePage", "modules.SurveyPage"]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        module_index = ModuleIndexPage.objects.child_of(self).live().first()
        context["module_index"] = module_index
        context["programmes"] = ProgrammePage.objects.child_of(self).live().order_by("path")
        context["sectors"] = (
            Sector.objects.filter(modules__in=module_index.live_modules()).distinct()
            if module_index
            else Sector.objects.none()
        )
        # Apps above `home` (learning: "Continue where you left off") add
        # panels through the `home_page_panels` hook: a function of the request
        # returning HTML, or "" when it has nothing to show.
        context["panels"] = [
            panel
            for panel in (hook(request) for hook in hooks.get_hooks("home_page_panels"))
            if panel
        ]
        return context
