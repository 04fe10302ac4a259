"""The admin page that downloads a module as a SCORM 1.2 or cmi5 package.

Only people who may edit the module get there, and they may package only the
language versions they may edit: a language editor downloads their own
language, never the others. Bad input gets the form back with what is wrong
(400), a language the user may not edit a refusal that says why (403). A page
that is missing or not a module is bad input too (400): a 404 would be turned
into a redirect to the language-prefixed path by the locale middleware, and
the message lost.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from wagtail.models import Page

from modules.models import ModulePage

from .building import FORMATS, build_package, language_name

SITE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _answer(request: HttpRequest, message: str, status: int) -> HttpResponse:
    """A refusal or a missing page, in the admin's look, saying why."""
    return TemplateResponse(
        request,
        "packages/refused.html",
        {
            "page_title": gettext("Download as an LMS package"),
            "header_icon": "warning",
            "message": message,
        },
        status=status,
    )


def _versions(page: ModulePage) -> list[ModulePage]:
    """Every language version of the module, in the site's order of languages."""
    versions = ModulePage.objects.filter(translation_key=page.translation_key).select_related(
        "locale"
    )
    return sorted(versions, key=lambda version: SITE_LANGUAGES.index(version.locale.language_code))


def export_package(request: HttpRequest, page_id: int) -> HttpResponse:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return _answer(
            request, gettext("There is no page with the id %(id)s.") % {"id": page_id}, 400
        )
    if not issubclass(page.specific_class or Page, ModulePage):
        return _answer(
            request,
            gettext("Only modules can be downloaded as LMS packages; “%(title)s” is not a module.")
            % {"title": page.get_admin_display_title()},
            400,
        )
    page = page.specific
    user = request.user
    if not page.permissions_for_user(user).can_edit():
        return _answer(
            request,
            gettext("You can download “%(title)s” only if you may edit it.")
            % {"title": page.title},
            403,
        )
    versions = _versions(page)
    editable = [v for v in versions if v.permissions_for_user(user).can_edit()]
    offered = [v for v in editable if v.live]
    context = {
        "page": page,
        "page_title": gettext("Download as an LMS package"),
        "page_subtitle": page.title,
        "header_icon": "download",
        "formats": FORMATS,
        "offered": [
            (v.locale.language_code, language_name(v.locale.language_code)) for v in offered
        ],
        "not_published": [language_name(v.locale.language_code) for v in editable if not v.live],
        "chosen_format": request.GET.get("format", ""),
        "chosen_languages": request.GET.getlist("language")
        or [v.locale.language_code for v in offered],
        "errors": [],
    }
    if "format" not in request.GET and "language" not in request.GET:
        return TemplateResponse(request, "packages/export.html", context)

    package_format = request.GET.get("format", "")
    codes = list(dict.fromkeys(request.GET.getlist("language")))
    errors = []
    if package_format not in FORMATS:
        errors.append(gettext("Choose a format: SCORM 1.2 or cmi5."))
    if not codes:
        errors.append(gettext("Choose at least one language."))
    unknown = [code for code in codes if code not in SITE_LANGUAGES]
    for code in unknown:
        errors.append(gettext("“%(code)s” is not one of the site's languages.") % {"code": code})
    by_code = {v.locale.language_code: v for v in versions}
    known = [code for code in codes if code in by_code]
    forbidden = [code for code in known if by_code[code] not in editable]
    if forbidden:
        allowed = ", ".join(language_name(v.locale.language_code) for v in editable)
        return _answer(
            request,
            gettext(
                "You may download only the languages of this module you can edit (%(allowed)s), "
                "not %(languages)s."
            )
            % {"allowed": allowed, "languages": ", ".join(language_name(c) for c in forbidden)},
            403,
        )
    for code in codes:
        if code in SITE_LANGUAGES and (code not in by_code or not by_code[code].live):
            errors.append(
                gettext("This module is not published in %(language)s.")
                % {"language": language_name(code)}
            )
    if errors:
        context["errors"] = errors
        return TemplateResponse(request, "packages/export.html", context, status=400)

    # The module's version the editor came from names the package and comes first.
    chosen = sorted(
        (by_code[code] for code in codes),
        key=lambda v: (v.pk != page.pk, SITE_LANGUAGES.index(v.locale.language_code)),
    )
    package = build_package(chosen, package_format)
    response = HttpResponse(package.content, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, package.filename)
    return response
