"""The demo's organisations: an administrator whose team page shows every stage, and a second
run of `seed_demo` changes nothing."""

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.urls import reverse

from learning.models import ModuleProgress, Organisation
from organisations.models import Enrolment, Invitation


def snapshot() -> dict[str, list]:
    labels = ("learning", "organisations", "auth")
    return {
        model._meta.label: sorted(str(row) for row in model.objects.values_list(*_fields(model)))
        for model in apps.get_models()
        if model._meta.app_label in labels
    }


def _fields(model):
    # Everything but timestamps written with "now" (a second run must not move them).
    skip = {"last_login", "updated_at", "created_at", "sent_at"}
    return [f.attname for f in model._meta.concrete_fields if f.attname not in skip]


@pytest.mark.django_db(transaction=True)
def test_the_demo_has_an_sme_administrator_with_a_team_at_every_stage(client):
    call_command("seed_demo", languages="et", verbosity=0)
    first = snapshot()
    call_command("seed_demo", languages="et", verbosity=0)
    assert snapshot() == first

    approved = Organisation.objects.filter(region__code="EE", sector__slug="water").verified()
    names = set(approved.values_list("name", flat=True))
    assert {"Tartu Veevärk", "Peipsi Vesi", "Saare Vesi"} <= names
    assert Organisation.objects.filter(status="pending", name="Võru Vesi").exists()
    tartu = Organisation.objects.get(name="Tartu Veevärk")
    assert Enrolment.objects.filter(organisation=tartu, due_date__isnull=False).count() == 1
    assert Invitation.objects.pending().filter(organisation=tartu).count() == 1
    # The team's records stay out of the statistics.
    assert (
        not ModuleProgress.objects.filter(
            user__learner_profile__organisation=tartu,
            counts_in_statistics=True,
        )
        .exclude(user__username="learner@example.com")
        .exists()
    )

    user = authenticate(username="sme.admin@example.com", password="cyberaware-demo")
    assert user is not None
    client.force_login(user)
    html = client.get("/et" + reverse("organisations:team")[3:]).content.decode()
    for name in ("Kadri Tamm", "Mari Maasikas", "Tiina Lepp", "Peeter Kask", "Jaan Saar"):
        assert name in html
    for badge in ("badge--completed", "badge--in_progress", "badge--expiring"):
        assert badge in html
    assert "uus.tootaja@example.com" in html
    dashboard = client.get("/et" + reverse("learning:dashboard")[3:]).content.decode()
    assert 'id="team-panel-heading"' in dashboard
