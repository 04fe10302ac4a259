"""Security headers with the production settings: public pages strict, the admin its own policy."""

import importlib
import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent.parent
SECURITY_SETTINGS = re.compile(
    r"^(SECURE_|SESSION_COOKIE_|CSRF_COOKIE_|LANGUAGE_COOKIE_(SECURE|HTTPONLY)|X_FRAME_OPTIONS)"
)


@pytest.fixture
def production_security(monkeypatch):
    """The security settings exactly as config/settings/production.py sets them."""
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    production = importlib.import_module("config.settings.production")
    values = {
        name: getattr(production, name) for name in dir(production) if SECURITY_SETTINGS.match(name)
    }
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    with override_settings(**values):
        yield values


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_common_headers(response):
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_page_is_served_with_a_strict_policy(client, site_pages, production_security):
    response = client.get("/en/", secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    # No per-visitor nonce: the same page may be served to everyone from a cache.
    assert "nonce-" not in response["Content-Security-Policy"]
    again = client.get("/en/", secure=True)
    assert again["Content-Security-Policy"] == response["Content-Security-Policy"]


def test_cookies_are_secure_and_hidden_from_scripts(client, site_pages, production_security):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("kadri@example.com", "kadri@example.com", "pw-Secret-123")
    form = client.get("/en/accounts/login/", secure=True)
    csrf = form.cookies[django_settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"]
    assert_common_headers(form)
    response = client.post(
        "/en/accounts/login/",
        {"username": "kadri@example.com", "password": "pw-Secret-123"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"


def test_admin_pages_get_their_own_policy(admin_client, site_pages, production_security):
    response = admin_client.get("/admin/", secure=True)
    assert response.status_code == 200
    assert_common_headers(response)
    policy = directives(response["Content-Security-Policy"])
    # The admin's own inline scripts run; nothing from other sites does.
    assert policy["script-src"][0] == "'self'"
    assert all(not source.startswith("http") for source in policy["script-src"])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_public_templates_have_no_inline_script_or_style():
    """What the public policy would block must not be in our templates in the first place."""
    offenders = []
    templates = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/templates/**/*.html")]
    admin_only = ("/statistics/", "/two_factor/", "/reports/", "admin_")
    for template in templates:
        if any(part in str(template) for part in admin_only):
            continue  # admin pages, under the admin's policy
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style|\son[a-z]+=", text):
            offenders.append(os.path.relpath(template, ROOT))
    assert offenders == []
