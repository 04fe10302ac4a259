"""Template tags for the site shell: language switcher, alternates and sector icons."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import get_urlconf, translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page

from caching import live_translation_urls

from ..languages import home_urls

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's name in itself
    url: str
    is_current: bool
    # False when the page has no translation and the link leads to that language's home.
    has_translation: bool


@lru_cache(maxsize=4096)
def _translated_url(
    _root_urlconf: str, _urlconf: str | None, _active: str | None, path: str, code: str
) -> str:
    """`translate_url` remembered: it resolves the path in the active language
    and reverses it in another, which depends on nothing but the URLconf, the
    active language (all three in the key) and its arguments."""
    return translate_url(path, code)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    request = context.get("request")
    if request is None:
        return []
    cache_attr = "_language_links"
    if hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    page = context.get("page")
    links = []
    if isinstance(page, Page):
        # From the shared cache: the switcher is on every page and changes only on publish.
        translations = live_translation_urls(page, request)
        homes = home_urls(request) if len(translations) < len(settings.LANGUAGES) else {}
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            links.append(
                LanguageLink(
                    code=code,
                    name=name,
                    url=target or homes.get(code, f"/{code}/"),
                    is_current=code == current,
                    has_translation=target is not None,
                )
            )
    else:
        path = request.get_full_path()
        for code, name in settings.LANGUAGES:
            links.append(
                LanguageLink(
                    code=code,
                    name=name,
                    url=_translated_url(
                        settings.ROOT_URLCONF, get_urlconf(), get_language(), path, code
                    ),
                    is_current=code == current,
                    has_translation=True,
                )
            )
    setattr(request, cache_attr, links)
    return links


@register.filter
def accessible_widget(bound_field):
    """Render a form field's widget tied to its error and help texts for screen readers."""
    described_by = []
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-help")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


# Sectors with their own drawing in static/icons/sectors.svg; the others get a general one.
SECTOR_ICONS = frozenset(
    {
        "water",
        "energy",
        "health",
        "manufacturing",
        "agri-food",
        "transport",
        "retail",
        "finance",
        "public-sector",
        "ict",
        "tourism",
        "construction",
    }
)


@register.simple_tag
def sector_icon(sector) -> str:
    """A sector's icon, decorative (its name is always written beside it)."""
    name = sector.slug if sector.slug in SECTOR_ICONS else "default"
    return format_html(
        '<svg class="sector-icon" aria-hidden="true" focusable="false" width="24" height="24">'
        '<use href="{}#sector-{}"></use></svg>',
        static("icons/sectors.svg"),
        name,
    )
