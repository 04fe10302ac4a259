"""Controlled vocabularies shared by every language: regions, sub-regions, sectors, topics.

Regions, sub-regions, sectors and topics are one row each for all languages, so that
statistics group by a single id and a module is tagged once for every language. Their display names live in `names`, a mapping of
language code to name, edited in the admin with one field per language.
"""

import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase


def name_order(name: str) -> str:
    """A display name as lists of names sort it: regardless of case and accents,
    so that "Ávila" comes beside "Avila", not after "Zamora"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class LocalizedNameMixin(models.Model):
    name = models.CharField(_("name (English)"), max_length=100)
    # Language code -> name in that language; English falls back to `name`.
    names = models.JSONField(_("translated names"), default=dict, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.display_name

    def name_in(self, language: str | None) -> str:
        language = (language or settings.LANGUAGE_CODE).split("-")[0]
        return self.names.get(language) or self.name

    @property
    def display_name(self) -> str:
        return self.name_in(get_language())


class Region(LocalizedNameMixin):
    """A territory of the programme network; learners belong to one."""

    code = models.CharField(
        _("code"),
        max_length=10,
        unique=True,
        help_text=_("ISO 3166 code of the country or region, e.g. EE or FR-BRE."),
    )
    country = models.CharField(_("country code"), max_length=2)
    default_language = models.CharField(
        _("default language"), max_length=7, choices=settings.LANGUAGES
    )
    # Who learners of this region contact about their data (the privacy notice).
    operator_name = models.CharField(
        _("operator"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that runs the programme in this region."),
    )
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    # Printed on certificates of this region's learners, unless their programme names its own.
    issuing_agency = models.CharField(
        _("issuing agency"),
        max_length=200,
        blank=True,
        help_text=_(
            "The agency that issues this region's certificates, in English. "
            "Leave empty to show the platform's name."
        ),
    )
    # Language code -> agency name in that language; English falls back to `issuing_agency`.
    issuing_agency_names = models.JSONField(_("translated agency names"), default=dict, blank=True)
    agency_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("agency logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def issuing_agency_in(self, language: str | None) -> str:
        """The agency's name as a certificate in `language` prints it; blank without one."""
        if not self.issuing_agency:
            return ""
        language = (language or settings.LANGUAGE_CODE).split("-")[0]
        return self.issuing_agency_names.get(language) or self.issuing_agency


class SubRegion(LocalizedNameMixin):
    """A part of a region (a county, département, province) that learners and
    organisations may give; statistics count a region's learners by it."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="subregions"
    )
    # The ISO code, not the name, identifies it: names are edited, exports and
    # the demo data refer to the code.
    code = models.CharField(
        _("code"),
        max_length=10,
        unique=True,
        help_text=_("ISO 3166-2 code of the sub-region, e.g. EE-37. It never changes."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("sub-region")
        verbose_name_plural = _("sub-regions")


class Sector(LocalizedNameMixin):
    """An economic sector from a controlled list (water, energy, health, ...)."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Topic(LocalizedNameMixin, TagBase):
    """What a module is about (phishing, passwords, backups, ...): a taggit tag
    with one row for all languages, like sectors, so that a module tagged once
    shows its topics in every reader's language and keeps one slug in URLs."""

    # TagBase's name, with LocalizedNameMixin's meaning: the English name.
    name = models.CharField(_("name (English)"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class TopicTaggedModule(TaggedItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_modules")
    content_object = ParentalKey(
        "modules.ModulePage", on_delete=models.CASCADE, related_name="tagged_topics"
    )
