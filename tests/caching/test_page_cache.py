"""Anonymous readers are served from the shared cache; publishing anywhere refreshes it."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    SectorFactory,
    make_learner,
    make_module,
    make_programme,
    translate_page,
)

CACHE_HEADER = "X-Page-Cache"


def get(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries.captured_queries)


@pytest.fixture
def pages(site_pages):
    home, index = site_pages
    module = make_module(index, "Phishing at the utility")
    programme = make_programme(home, [module])
    return {"home": home, "index": index, "module": module, "programme": programme}


@pytest.mark.parametrize("name", ["home", "index", "module", "programme"])
def test_second_anonymous_read_runs_no_sql(client, pages, name):
    url = pages[name].url
    first, _ = get(client, url)
    client.cookies.clear()
    second, queries = get(client, url)
    assert first.status_code == second.status_code == 200
    assert first[CACHE_HEADER] == "miss"
    assert second[CACHE_HEADER] == "hit"
    assert queries == 0
    assert second.content == first.content


def test_anonymous_module_page_carries_no_token_and_asks_to_sign_in(client, pages):
    html = client.get(pages["module"].url).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert reverse("learning:login") in html
    assert not client.cookies.get(settings.CSRF_COOKIE_NAME)


def test_cached_pages_still_remember_the_visitors_language(client, pages):
    url = pages["module"].url
    client.get(url)  # fills the cache
    client.cookies.clear()
    response = client.get(url)
    assert response[CACHE_HEADER] == "hit"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    # Unchanged language: no cookie to set again.
    again = client.get(url)
    assert again[CACHE_HEADER] == "hit"
    assert settings.LANGUAGE_COOKIE_NAME not in again.cookies


def test_publishing_in_one_language_refreshes_pages_in_every_language(client, pages):
    module, programme = pages["module"], pages["programme"]
    estonian_programme = translate_page(programme, "et")
    estonian_url = estonian_programme.url
    english_html = client.get(module.url).content.decode()
    assert 'hreflang="et"' not in english_html.split("</head>")[0]
    assert client.get(estonian_url).content.decode().count(module.url) == 1  # English fallback
    assert client.get(module.url)[CACHE_HEADER] == "hit"
    assert client.get(estonian_url)[CACHE_HEADER] == "hit"

    estonian_module = translate_page(module, "et")  # published in Estonian

    english = client.get(module.url)
    assert english[CACHE_HEADER] == "miss"
    assert (
        f'hreflang="et" href="http://testserver{estonian_module.url}"' in english.content.decode()
    )
    estonian = client.get(estonian_url).content.decode()
    assert f'href="{estonian_module.url}"' in estonian


def test_unpublishing_moving_and_deleting_refresh_the_cache(client, pages):
    index, module = pages["index"], pages["module"]
    other = make_module(index, "Backups that work")
    assert "Backups that work" in client.get(index.url).content.decode()
    assert client.get(index.url)[CACHE_HEADER] == "hit"

    other.unpublish()
    assert "Backups that work" not in client.get(index.url).content.decode()
    assert client.get(other.url).status_code == 404

    module.title = "Phishing, renamed"
    module.save_revision().publish()
    assert "Phishing, renamed" in client.get(index.url).content.decode()

    module.move(pages["home"], pos="last-child")
    assert "Phishing, renamed" not in client.get(index.url).content.decode()
    other.delete()
    module.delete()
    assert client.get(pages["programme"].url).status_code == 200
    assert "Phishing, renamed" not in client.get(pages["programme"].url).content.decode()


def test_renaming_a_sector_refreshes_the_pages_that_show_it(client, site_pages):
    _home, index = site_pages
    water = SectorFactory(slug="water", name="Water and wastewater")
    module = make_module(index, "Chlorine dosing systems", sectors=[water])
    assert "Water and wastewater" in client.get(module.url).content.decode()
    assert client.get(module.url)[CACHE_HEADER] == "hit"

    water.name = "Drinking water"
    water.save()

    renamed = client.get(module.url)
    assert renamed[CACHE_HEADER] == "miss"
    assert "Drinking water" in renamed.content.decode()
    assert "Water and wastewater" not in renamed.content.decode()


def test_signed_in_readers_are_never_served_or_stored_in_the_cache(client, pages):
    url = pages["module"].url
    learner = make_learner()
    client.force_login(learner)
    for _ in range(2):
        response, queries = get(client, url)
        assert CACHE_HEADER not in response
        assert queries > 0
        assert "Sign out" in response.content.decode()
    client.logout()
    anonymous, _ = get(client, url)
    assert anonymous[CACHE_HEADER] == "miss"
    assert "Sign out" not in anonymous.content.decode()


def test_signed_in_readers_take_what_every_reader_sees_from_the_cache(client, pages, settings):
    """Sessions are read from the shared cache as in production (`cached_db`)."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    module = pages["module"]
    sector = SectorFactory(name="Drinking water")
    module.sectors.add(sector)
    module.save_revision().publish()
    client.force_login(make_learner())
    first, first_queries = get(client, module.url)
    second, queries = get(client, module.url)
    # The learner and their progress row; the heading with its sectors, the
    # lesson and the quiz form come from the shared cache.
    assert queries == 2 < first_queries
    html = second.content.decode()
    assert "Drinking water" in html and "Which sender address is genuine?" in html
    assert "In progress" in html and "csrfmiddlewaretoken" in html
    assert first.content.decode().count("q-") == html.count("q-")


def test_previews_are_never_cached(client, pages):
    module = pages["module"]
    assert client.get(module.url)[CACHE_HEADER] == "miss"  # the live page is now cached
    module.title = "Draft title nobody may see"
    module.save_revision()
    draft = module.get_latest_revision_as_object()
    # A preview runs the middleware on a dummy request for the page's own URL.
    preview = draft.make_preview_request()
    assert CACHE_HEADER not in preview
    assert "Draft title nobody may see" in preview.content.decode()
    live = client.get(module.url)
    assert live[CACHE_HEADER] == "hit"
    assert "Draft title nobody may see" not in live.content.decode()


def test_errors_and_unknown_parameters_are_not_cached(client, pages):
    for _ in range(2):
        missing, queries = get(client, "/en/no-such-page/")
        assert missing.status_code == 404
        assert CACHE_HEADER not in missing
        assert queries > 0
    for _ in range(2):
        response, _ = get(client, pages["module"].url + "?utm_source=mail")
        assert CACHE_HEADER not in response


def test_filtered_index_pages_are_cached_separately(client, pages):
    index = pages["index"]
    all_modules = client.get(index.url).content
    filtered = client.get(index.url + "?sector=nothing-matches")
    assert filtered[CACHE_HEADER] == "miss"
    assert filtered.content != all_modules
    assert client.get(index.url + "?sector=nothing-matches").content == filtered.content


def test_signed_in_readers_see_a_republished_lesson_and_editors_their_draft(client, pages):
    module = pages["module"]
    client.force_login(make_learner())
    assert "Attackers imitate your suppliers." in client.get(module.url).content.decode()

    module.body = [{"type": "paragraph", "value": "<p>Check the bank details by phone.</p>"}]
    module.save_revision().publish()
    html = client.get(module.url).content.decode()
    assert "Check the bank details by phone." in html
    assert "Attackers imitate your suppliers." not in html

    module.body = [{"type": "paragraph", "value": "<p>A draft nobody may read.</p>"}]
    module.save_revision()
    preview = module.get_latest_revision_as_object().make_preview_request()
    assert "A draft nobody may read." in preview.content.decode()
    live = client.get(module.url).content.decode()
    assert "A draft nobody may read." not in live
    assert "Check the bank details by phone." in live
