"""Language choice: Accept-Language first, then the remembered choice; learners' own language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import make_learner, translate_page


def test_first_visit_follows_the_browser_then_the_choice_is_remembered(client, site_pages):
    home, _index = site_pages
    translate_page(home, "fr")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9,en;q=0.5")["Location"] == "/fr/"
    # The visitor switches to English: the next visit to "/" goes to English,
    # whatever the browser prefers.
    response = client.get("/en/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/en/"


def test_the_switcher_names_each_language_in_itself(client, site_pages):
    html = client.get("/en/").content.decode()
    for name in ("Eesti", "Français", "Italiano", "Slovenčina", "Slovenščina", "Español"):
        assert f">{name}</a>" in html


def test_a_learner_signs_in_to_their_own_language(client, site_pages):
    make_learner("mari@example.com", language="et")
    response = client.post(
        reverse("learning:login"), {"username": "mari@example.com", "password": "pw-Secret-123"}
    )
    with translation.override("et"):
        assert response["Location"] == reverse("learning:dashboard")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "et"


def test_changing_the_preferred_language_switches_the_interface(client, site_pages, db):
    learner = make_learner("mari@example.com", language="et")
    client.force_login(learner)
    profile = learner.learner_profile
    response = client.post(
        reverse("learning:profile"),
        {
            "full_name": profile.full_name,
            "region": profile.region_id,
            "organisation_size": "small",
            "preferred_language": "sl",
        },
    )
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "sl"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/sl/"
