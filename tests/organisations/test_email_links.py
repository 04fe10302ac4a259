"""Links to programme and module pages in the platform's e-mails lead to the public site.

Wagtail's own `full_url` takes its host from the Site record, which no
deployment step sets (the tests', like the demo's, is localhost:80); the
e-mails use WAGTAILADMIN_BASE_URL, as their unsubscribe links do, or the
host the administrator's request came to.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from learning.models import Certificate
from organisations.reminders import send_reminders
from tests.factories import record_attempt
from tests.organisations.conftest import sign_in

pytestmark = pytest.mark.django_db

PUBLIC = "https://training.example"


def links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
def test_due_reminders_link_the_programme_on_the_public_site(org_world):
    programme = org_world["programme"]
    send_reminders(today=org_world["enrolment"].due_date - timedelta(days=3))
    (message,) = [m for m in mail.outbox if "mati@tartu.example" in m.to]
    assert PUBLIC + programme.url in links(message)
    assert all(link.startswith(PUBLIC) for link in links(message))


@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
def test_renewal_reminders_link_the_module_on_the_public_site(org_world):
    mati, module = org_world["member_a1"], org_world["modules"][0]
    record_attempt(mati, module)
    Certificate.objects.filter(user=mati, kind="module").update(
        valid_until=timezone.now() + timedelta(days=20)
    )
    assert send_reminders().renewal == 1
    (message,) = [m for m in mail.outbox if module.title in m.body]
    assert PUBLIC + module.url in links(message)
    assert all(link.startswith(PUBLIC) for link in links(message))


def test_the_team_reminder_links_the_programme_on_the_host_the_administrator_used(
    client, org_world
):
    programme = org_world["programme"]
    sign_in(client, org_world, "admin_a")
    url = reverse("organisations:remind_not_started", args=[programme.translation_key])
    client.post(url, HTTP_HOST="team.example")
    (message,) = [m for m in mail.outbox if "kati@tartu.example" in m.to]
    assert "http://team.example" + programme.url in links(message)
