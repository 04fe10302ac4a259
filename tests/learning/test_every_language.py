"""A learner meets no English interface text in any of the other six languages."""

import re
import uuid
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from learning.models import Certificate
from tests.factories import RegionFactory, answers_for, make_module, make_programme, translate_page

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def english_phrases(language: str) -> list[str]:
    """Interface sentences whose translation differs from the English."""
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    phrases = []
    for entry in catalogue.translated_entries():
        text = entry.msgid
        if entry.msgid_plural or "%" in text or "{" in text or len(text.split()) < 3:
            continue
        if entry.msgstr.strip() != text:
            phrases.append(text)
    return phrases


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("language", ["et", "fr", "it", "sk", "sl", "es"])
def test_the_learner_journey_has_no_english_interface_text(client, site_pages, water, language):
    home, index = site_pages
    region = RegionFactory()
    module = make_module(index, "Phishing at the utility", sectors=[water], attempt_limit=3)
    make_programme(home, [module])
    version = translate_page(module, language)
    with translation.override(language):
        urls = {
            "signup": reverse("learning:signup"),
            "login": reverse("learning:login"),
            "dashboard": reverse("learning:dashboard"),
            "verify": reverse("learning:verify"),
        }
    pages = [client.get(version.url), client.get(urls["signup"]), client.get(urls["login"])]
    # A sign-up with mistakes, so that error messages show.
    pages.append(client.post(urls["signup"], {"email": "nope", "region": region.pk}))
    client.post(
        urls["signup"],
        {
            "email": f"learner-{language}@example.com",
            "password": "a-long-enough-passphrase-9",
            "full_name": "Test Learner",
            "region": region.pk,
            "sector": water.pk,
            "organisation_size": "small",
            "preferred_language": language,
            "statistics_consent": "on",
        },
    )
    pages.append(client.get(version.url))
    submit = reverse("learning:submit_quiz", args=[version.pk])
    missing = answers_for(version)
    missing.pop(next(iter(missing)))
    pages.append(client.post(submit, {**missing, "attempt_token": str(uuid.uuid4())}))
    failed = client.post(
        submit, {**answers_for(version, right=False), "attempt_token": str(uuid.uuid4())}
    )
    pages.append(client.get(failed["Location"]))
    passed = client.post(submit, {**answers_for(version), "attempt_token": str(uuid.uuid4())})
    pages.append(client.get(passed["Location"]))
    pages.append(client.get(urls["dashboard"]))
    code = Certificate.objects.get(kind="module").code
    pages.append(client.get(reverse("learning:certificate", args=[code])))
    pages.append(client.get(urls["verify"], {"code": code}, follow=True))

    phrases = english_phrases(language)
    for response in pages:
        assert response.status_code in (200, 400)
        text = visible_text(response.content.decode())
        leaked = [phrase for phrase in phrases if phrase in text]
        assert leaked == [], (response.request["PATH_INFO"], leaked)
