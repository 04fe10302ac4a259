"""The filter form's fields, rendered once for everyone who sees the same unbound form."""

from __future__ import annotations

from django import forms, template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

register = template.Library()

# Kept until the form's key changes; the key carries what the fields show.
FIELDS_TIMEOUT = 24 * 60 * 60


@register.simple_tag
def filter_fields(form: forms.Form) -> SafeString:
    """The form's fields as `admin_reports/filter_fields.html` writes them.

    Every report opens with its filter form unbound, and its selects and date
    pickers took a fifth of the admin page around a report. A form that says
    what its unbound fields depend on (`fields_cache_key`: the person's scope,
    the language, the published content) is rendered once per key; a bound
    form, with its values and errors, every time."""
    cache_key = None
    if not form.is_bound and hasattr(form, "fields_cache_key"):
        cache_key = form.fields_cache_key()
    if cache_key:
        html = cache.get(cache_key)
        if html is not None:
            return html
    html = render_to_string("admin_reports/filter_fields.html", {"filter_form": form})
    if cache_key:
        cache.set(cache_key, html, FIELDS_TIMEOUT)
    return html
