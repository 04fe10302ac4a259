"""The LTI 1.3 endpoints: login initiation, launch, deep linking and the tool's key set.

The platform POSTs the login initiation, the launch and (through the
teacher's browser) nothing else cross-site, so only those two are exempt
from CSRF: the standard makes them cross-site form posts, and the launch's
signed id_token, state cookie and one-time nonce stand in for the token.
"""

from __future__ import annotations

import functools
import logging
from urllib.parse import urlsplit

from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException
from pylti1p3.lineitem import LineItem

from home.languages import remember_language

from . import content
from .accounts import launch_language, learner_for
from .framing import SESSION_KEY, allow_framing
from .models import GradebookLink, Registration, origin_of
from .tool import REASONS, LaunchRefused, MessageLaunch, OIDCLogin, ToolConf, data_storage

logger = logging.getLogger(__name__)

BACKEND = "learning.backends.EmailOrUsernameBackend"
CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
KEY_SET_LIFETIME = 60 * 60


def registered_origins() -> list[str]:
    return [r.frame_origin for r in Registration.objects.filter(active=True)]


def refused(request: HttpRequest, reason: str) -> HttpResponse:
    status, message = REASONS[reason]
    logger.info("LTI launch refused: %s", reason)
    response = render(request, "lti/refused.html", {"message": message}, status=status)
    # Shown inside the platform's iframe; no other site may frame it.
    return allow_framing(response, registered_origins())


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def oidc_login(request: HttpRequest) -> HttpResponse:
    """Third-party initiated login: send the browser to the platform's authentication URL."""
    target = request.POST.get("target_link_uri") or request.GET.get("target_link_uri")
    launch_url = request.build_absolute_uri(reverse("lti:launch"))
    if target and urlsplit(target).path == reverse("lti:deep_link"):
        launch_url = request.build_absolute_uri(reverse("lti:deep_link"))
    try:
        return OIDCLogin(request, ToolConf()).redirect(launch_url)
    except LaunchRefused as error:
        return refused(request, error.reason)
    except LtiException:
        return refused(request, "session")


def _validated(request: HttpRequest) -> tuple[MessageLaunch, Registration]:
    tool_conf = ToolConf()
    message = MessageLaunch(request, tool_conf)
    message.set_public_key_caching(data_storage(), cache_lifetime=KEY_SET_LIFETIME)
    message.validate()
    return message, tool_conf.found


def validated_launch(view):
    """Run `view(request, message, registration)` with the platform's launch
    validated; refuse with the translated page when it is not valid."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest) -> HttpResponse:
        try:
            message, registration = _validated(request)
        except LaunchRefused as error:
            return refused(request, error.reason)
        except LtiException:
            return refused(request, "session")
        return view(request, message, registration)

    return wrapper


def _locale(claims: dict) -> str | None:
    return claims.get("locale") or (claims.get(CLAIM + "launch_presentation") or {}).get("locale")


@csrf_exempt
@never_cache
@require_POST
@validated_launch
def launch(
    request: HttpRequest, message: MessageLaunch, registration: Registration
) -> HttpResponse:
    """A resource link launch: sign the learner in and open the linked module or programme."""
    claims = message.get_launch_data()
    if message.is_deep_link_launch():
        return _deep_link_picker(request, message, registration, claims)
    language = launch_language(_locale(claims), registration)
    translation.activate(language)
    target = content.target_of(claims)
    page = (
        content.page_for(*target, [language, registration.region.default_language])
        if target
        else None
    )
    if page is None:
        return refused(request, "content")
    user = learner_for(registration, claims, language)
    login(request, user, backend=BACKEND)
    request.session[SESSION_KEY] = registration.frame_origin
    ags = claims.get(AGS_CLAIM) or {}
    if target[0] == "module" and ags.get("lineitem") and SCORE_SCOPE in ags.get("scope", []):
        link_id = (claims.get(CLAIM + "resource_link") or {}).get("id") or str(target[1])
        GradebookLink.objects.update_or_create(
            account=user.lti_account,
            resource_link_id=link_id,
            defaults={
                "module_key": target[1],
                "lineitem_url": ags["lineitem"],
                "scopes": ags["scope"],
            },
        )
    response = redirect(page.get_url(request))
    remember_language(response, page.locale.language_code)
    return response


@csrf_exempt
@never_cache
@require_POST
@validated_launch
def deep_link(
    request: HttpRequest, message: MessageLaunch, registration: Registration
) -> HttpResponse:
    """A deep-linking request: the teacher picks what to add to the course."""
    if not message.is_deep_link_launch():
        return refused(request, "session")
    return _deep_link_picker(request, message, registration, message.get_launch_data())


def _deep_link_picker(request, message, registration, claims) -> HttpResponse:
    language = launch_language(_locale(claims), registration)
    translation.activate(language)
    settings = claims.get("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", {})
    response = render(
        request,
        "lti/deep_link.html",
        {
            "choices": content.choices(language),
            "launch_id": message.get_launch_id(),
            "multiple": settings.get("accept_multiple", True) not in (False, "false"),
            "language": language,
        },
    )
    return allow_framing(response, [registration.frame_origin])


@never_cache
@require_POST
@csrf_exempt
def deep_link_response(request: HttpRequest, launch_id: str) -> HttpResponse:
    """Return the chosen modules and programmes to the platform as a signed JWT.

    Exempt from CSRF because it runs in the platform's iframe, where the
    site's same-site cookies are not sent; the launch id in the URL is the
    secret instead: random, known only to the validated launch's page, and
    removed once used.
    """
    tool_conf = ToolConf()
    try:
        message = MessageLaunch.from_cache(launch_id, request, tool_conf)
    except LtiException:
        return refused(request, "session")
    registration = tool_conf.found
    claims = message.get_launch_data()
    language = launch_language(_locale(claims), registration)
    translation.activate(language)
    allowed = {row["value"]: row for row in content.choices(language)}
    chosen = [allowed[value] for value in request.POST.getlist("item") if value in allowed]
    if not chosen:
        response = render(
            request,
            "lti/deep_link.html",
            {
                "choices": list(allowed.values()),
                "launch_id": launch_id,
                "language": language,
                "error": _("Choose at least one module or programme."),
            },
            status=400,
        )
        return allow_framing(response, [registration.frame_origin])
    launch_url = request.build_absolute_uri(reverse("lti:launch"))
    resources = []
    for row in chosen:
        resource = (
            DeepLinkResource()
            .set_url(launch_url)
            .set_title(row["title"])
            .set_custom_params({row["kind"]: row["key"]})
        )
        if row["kind"] == "module":
            resource.set_lineitem(
                LineItem()
                .set_score_maximum(100)
                .set_label(row["title"])
                .set_resource_id(row["key"])
            )
        resources.append(resource)
    deep_link = message.get_deep_link()
    token = deep_link.get_response_jwt(resources)
    return_url = claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"][
        "deep_link_return_url"
    ]
    # One answer per request: the launch cannot be used to post another.
    message.get_session_service().data_storage.set_value(launch_id, None, 1)
    response = render(
        request, "lti/deep_link_return.html", {"return_url": return_url, "jwt": token}
    )
    response._csp_update = {"form-action": [origin_of(return_url)]}
    return allow_framing(response, [registration.frame_origin])


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    """The tool's public keys, one per registration, for platforms to verify what we sign."""
    return JsonResponse(ToolConf().get_jwks())
