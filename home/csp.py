"""Content-Security-Policy: strict on the public site, looser in the Wagtail admin.

The public policy (settings.CONTENT_SECURITY_POLICY) has no nonces, so one
header fits every visitor and a public page can come from a shared cache.
The Wagtail admin uses inline scripts and styles, so paths under
settings.ADMIN_URL_PREFIX get settings.ADMIN_CONTENT_SECURITY_POLICY.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.ADMIN_URL_PREFIX)


class ScopedCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
