"""Every wagtail-localize URL passes through one table of per-language checks.

wagtail-localize registers its admin URLs itself (namespace
`wagtail_localize`, under /admin/localize/). `LocalizePermissionMiddleware`
catches every request resolved into that namespace before the view runs and
hands it to the handler `LOCALIZE_URLS` names for it: the library's view
behind a permission check, or a view of ours limited to the user's
languages. A URL missing from the table, such as one a new release of the
library adds, is refused until someone classifies it here
(`tests/modules/test_localize_permissions.py` fails until then).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.defaults import page_not_found
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation

from .localize_permissions import (
    is_translatable_snippet,
    may_convert_to_alias,
    may_edit_translation,
    may_list_snippets,
)
from .localize_views import (
    ScopedSubmitPageTranslationView,
    ScopedSubmitSnippetTranslationView,
    ScopedUpdateTranslationsView,
    refused,
)
from .reports import can_view_translations_report

NAMESPACE = "wagtail_localize"

# A handler gets the request, wagtail-localize's own view and the URL's arguments.
Handler = Callable[..., HttpResponse]


def library_view(request: HttpRequest, view: Callable, **kwargs) -> HttpResponse:
    """wagtail-localize's view unchanged: nothing in it depends on a language."""
    return view(request, **kwargs)


def replaced_by(scoped_view: Callable) -> Handler:
    def handler(request, view, **kwargs):
        return scoped_view(request, **kwargs)

    return handler


def on_translation(*, as_json: bool = False) -> Handler:
    """Views on one translation: edit permission on its target page or snippet."""

    def handler(request, view, *, translation_id, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"), pk=translation_id
        )
        if not may_edit_translation(request.user, translation):
            message = gettext("You may not edit the %(language)s translation of “%(title)s”.") % {
                "language": translation.target_locale.get_display_name(),
                "title": translation.source.object_repr,
            }
            return refused(request, message, as_json=as_json)
        return view(request, translation_id=translation_id, **kwargs)

    return handler


def convert_to_alias(request, view, *, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not may_convert_to_alias(request.user, page):
        return refused(
            request,
            gettext(
                "You may not convert “%(title)s” into an alias of its source page: that "
                "takes permission to edit and to publish it."
            )
            % {"title": page.get_admin_display_title()},
        )
    return view(request, page_id=page_id)


def translations_report(request, view, **kwargs):
    """wagtail-localize's report lists every translation to anyone in the admin;
    the project's report (Reports → Translations) replaces it."""
    if not can_view_translations_report(request.user):
        return refused(request, gettext("You may not see the translations report."))
    return redirect("modules_translations_report")


def snippet_chooser_api(request, view, *, app_label, model_name, **kwargs):
    model = get_snippet_model_from_url_params(app_label, model_name)  # 404 if not a snippet
    if not is_translatable_snippet(model):
        raise Http404
    if not may_list_snippets(request.user, model):
        return refused(
            request,
            gettext("You may not see %(model)s.") % {"model": model._meta.verbose_name_plural},
            as_json=True,
        )
    return view(request, app_label=app_label, model_name=model_name, **kwargs)


def unclassified(request, view, **kwargs):
    return refused(request, gettext("This translation action is not available."))


LOCALIZE_URLS: dict[str, Handler] = {
    "javascript_catalog": library_view,  # the library's interface strings
    "submit_page_translation": replaced_by(ScopedSubmitPageTranslationView.as_view()),
    "submit_snippet_translation": replaced_by(ScopedSubmitSnippetTranslationView.as_view()),
    "update_translations": replaced_by(ScopedUpdateTranslationsView.as_view()),
    "edit_string_translation": on_translation(as_json=True),
    "edit_override": on_translation(as_json=True),
    "download_pofile": on_translation(),
    "upload_pofile": on_translation(),
    "machine_translate": on_translation(),
    "preview_translation": on_translation(),
    "stop_translation": on_translation(),
    "convert_to_alias": convert_to_alias,
    "translations_report": translations_report,
    "translations_report_results": translations_report,
    "snippets_api_listing": snippet_chooser_api,
    "snippets_api_detail": snippet_chooser_api,
}


def admin_view(handler: Handler) -> Callable[..., HttpResponse]:
    """Wrap a handler as Wagtail wraps its admin views: people without admin
    access are turned away first (the sign-in page for visitors), the user's
    admin language is active, and a missing object is the admin's 404 page."""

    @require_admin_access
    @functools.wraps(handler)
    def view(request, *args, **kwargs):
        try:
            return handler(request, *args, **kwargs)
        except Http404 as error:
            return page_not_found(request, error, template_name="wagtailadmin/404.html")

    return view


HANDLERS = {name: admin_view(handler) for name, handler in LOCALIZE_URLS.items()}
UNCLASSIFIED = admin_view(unclassified)


class LocalizePermissionMiddleware:
    """Routes requests for wagtail-localize URLs through `LOCALIZE_URLS`.

    Must come after CsrfViewMiddleware (and anything else with a
    `process_view`), which would otherwise be skipped.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces:
            return None
        handler = HANDLERS.get(match.url_name, UNCLASSIFIED)
        response = handler(request, view_func, *view_args, **view_kwargs)
        add_never_cache_headers(response)
        return response
