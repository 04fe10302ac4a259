"""A small world of organisations, shared by the organisations tests.

Estonia has two approved organisations, A (Tartu Vesi: an administrator and
two members) and B (Narva Vesi: an administrator), and one waiting for
approval; France has one approved organisation, C. A is enrolled in the
water programme (two modules) with a due date. Staff: the manager of
Estonia, the coordinator of all regions, a superuser, and an editor with no
manager role.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from learning.models import Organisation
from organisations.models import Enrolment
from tests.factories import RegionFactory, SectorFactory, make_learner, make_module, make_programme
from tests.learning.statistics.helpers import staff


@pytest.fixture
def org_world(site_pages):
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia", default_language="et")
    france = RegionFactory(code="FR", name="Brittany", default_language="fr")
    water = SectorFactory(slug="water", name="Water")
    first = make_module(index, "Phishing at the utility")
    second = make_module(index, "Passwords for operators")
    programme = make_programme(home, [first, second])

    def organisation(name, region, status=Organisation.Status.APPROVED, **extra):
        return Organisation.objects.create(
            name=name,
            region=region,
            sector=water,
            size="small",
            status=status,
            language=region.default_language,
            contact_name=f"Contact of {name}",
            contact_email=f"contact@{name.lower().replace(' ', '-')}.example",
            **extra,
        )

    a = organisation("Tartu Vesi", estonia)
    b = organisation("Narva Vesi", estonia)
    c = organisation("Brest Eau", france)
    pending = organisation("Pärnu Vesi", estonia, status=Organisation.Status.PENDING)

    def person(email, org, role="member", region=estonia, name=None):
        return make_learner(
            email,
            region=region,
            sector=water,
            organisation=org,
            role=role,
            full_name=name or email.split("@")[0].title(),
            language=region.default_language,
        )

    world = {
        "home": home,
        "index": index,
        "estonia": estonia,
        "france": france,
        "water": water,
        "modules": [first, second],
        "programme": programme,
        "a": a,
        "b": b,
        "c": c,
        "pending": pending,
        "admin_a": person("anu.admin@tartu.example", a, "administrator", name="Anu Haldur"),
        "member_a1": person("mati@tartu.example", a, name="Mati Maasikas"),
        "member_a2": person("kati@tartu.example", a, name="Kati Kask"),
        "admin_b": person("boris@narva.example", b, "administrator", name="Boris Haldur"),
        "admin_c": person("claire@brest.example", c, "administrator", region=france),
        "outsider": person("olev@example.com", False, name="Olev Üksik"),
        "manager": staff("manager", codename="view_statistics", regions=[estonia]),
        "coordinator": staff("coordinator", codename="view_all_regions"),
        "editor": staff("editor"),
        "superuser": get_user_model().objects.create_superuser(
            "root", "root@example.com", "pw-Secret-123"
        ),
        "enrolment": Enrolment.objects.create(
            organisation=a,
            programme_key=programme.translation_key,
            due_date=date.today() + timedelta(days=30),
        ),
        "now": timezone.now(),
    }
    return world


ROLES = [
    "anonymous",
    "outsider",
    "member_a1",
    "admin_a",
    "admin_b",
    "manager",
    "coordinator",
    "editor",
    "superuser",
]


def sign_in(client, org_world, role: str):
    """Sign `client` in as one of ROLES; returns the user (None for anonymous)."""
    user = None if role == "anonymous" else org_world[role]
    if user is not None:
        client.force_login(user)
    return user
