from wagtail import hooks

from .middleware import mark_page_cacheable, remember_route
from .pages import SharedCachePage


@hooks.register("before_serve_page")
def share_public_pages(page, request, serve_args, serve_kwargs):
    """Pages served here (never previews) may be shared with other readers."""
    if isinstance(page, SharedCachePage) and not serve_args and not serve_kwargs:
        remember_route(page, request)
        mark_page_cacheable(request)
