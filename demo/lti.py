"""A demo Moodle registered for LTI launches, so the admin shows what to paste into a platform."""

from __future__ import annotations

from lti.models import Registration
from modules.models import Region

DEMO_ISSUER = "https://moodle.example.invalid"


def ensure_demo_lti_registration() -> Registration:
    moodle = DEMO_ISSUER
    registration, _created = Registration.objects.get_or_create(
        issuer=moodle,
        client_id="cyberaware-demo",
        defaults={
            "name": "Demo Moodle (Estonia)",
            "deployment_ids": "1",
            "auth_login_url": f"{moodle}/mod/lti/auth.php",
            "auth_token_url": f"{moodle}/mod/lti/token.php",
            "key_set_url": f"{moodle}/mod/lti/certs.php",
            "region": Region.objects.get(code="EE"),
        },
    )
    return registration
