"""Modules without a version in the reader's language: the best available one, with a notice."""

import re

from django.urls import reverse

from learning.models import ModuleProgress
from tests.factories import (
    RegionFactory,
    answers_for,
    make_learner,
    make_module,
    make_programme,
    translate_page,
)


def test_a_learner_gets_their_regions_language_then_english_with_a_notice(client, site_pages):
    home, index = site_pages
    estonia = RegionFactory()  # default language: Estonian
    only_en = make_module(index, "Backups")
    en_and_et = make_module(index, "Phishing at the utility")
    estonian = translate_page(en_and_et, "et")
    programme = make_programme(home, [en_and_et, only_en])
    programme_fr = translate_page(programme, "fr")

    learner = make_learner("claire@example.com", region=estonia, language="fr")
    client.force_login(learner)
    html = client.get(programme_fr.url).content.decode()
    # The Estonian version (the region's language) before the English one.
    assert f'href="{estonian.url}?fallback_from=fr"' in html
    assert f'href="{only_en.url}?fallback_from=fr"' in html
    # Each fallback is labelled with the language it is in, named in that language.
    assert re.search(r"<p class=\"badge\" lang=\"fr\">[^<]*eesti[^<]*</p>", html)
    assert re.search(r"<p class=\"badge\" lang=\"fr\">[^<]*English[^<]*</p>", html)

    page = client.get(f"{estonian.url}?fallback_from=fr").content.decode()
    assert 'class="notice" lang="fr"' in page
    assert "eesti" in page.lower()
    # Reading a fallback is not choosing a language.
    response = client.get(f"{estonian.url}?fallback_from=fr")
    assert "django_language" not in response.cookies

    client.post(
        reverse("learning:submit_quiz", args=[estonian.pk]),
        {**answers_for(estonian), "attempt_token": "6f0c1a2e-1d7b-4d0e-9d59-0a5f3e2b7c11"},
    )
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.module_key == en_and_et.translation_key and progress.is_completed


def test_no_notice_when_the_module_exists_in_the_readers_language(client, site_pages):
    _home, index = site_pages
    module = make_module(index)
    french = translate_page(module, "fr")
    html = client.get(f"{module.url}?fallback_from=fr").content.decode()
    assert 'class="notice" lang="fr"' not in html
    assert client.get(french.url).status_code == 200


def test_visitors_see_english_where_their_language_is_missing(client, site_pages):
    home, index = site_pages
    only_en = make_module(index, "Backups")
    programme = make_programme(home, [only_en])
    programme_sk = translate_page(programme, "sk")
    html = client.get(programme_sk.url).content.decode()
    assert f'href="{only_en.url}?fallback_from=sk"' in html
    notice = client.get(f"{only_en.url}?fallback_from=sk").content.decode()
    assert 'class="notice" lang="sk"' in notice
