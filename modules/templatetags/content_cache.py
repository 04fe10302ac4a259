"""Template fragments shared by every reader until the next publish."""

from __future__ import annotations

from django import template

from caching import request_generation

register = template.Library()


@register.simple_tag(takes_context=True)
def content_generation(context) -> int | None:
    """The content generation to key shared fragments by.

    None for previews (and outside a request): they show a draft, which
    must neither come from nor go into the cache of the live page.
    """
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return None
    return request_generation(request)
