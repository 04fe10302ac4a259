"""Form widgets rendered without the template engine where it costs the most."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def _attributes(attrs: dict) -> SafeString:
    """Attributes in their order, as `django/forms/widgets/attrs.html` writes them."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class PlainSelect(forms.Select):
    """A <select> with the markup of Django's templates, written in Python.

    Django renders every option through two templates; the statistics filter
    form on every report has seven selects and about a hundred options, which
    took a fifth of the admin page around a report. The context is Django's
    own (`get_context`), so subclasses' options and attributes come out as
    they would from the templates."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group_name, options, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], _attributes(option["attrs"]), option["label"])
                    for option in options
                ),
            )
            if group_name:
                parts.append(
                    format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
                )
            else:
                parts.append(rendered)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            _attributes(widget["attrs"]),
            mark_safe("".join(parts)),  # noqa: S308 - each part escaped by format_html
        )
