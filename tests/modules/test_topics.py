"""Topics: one vocabulary for every language, named in the reader's language."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext, override

from modules.models import ModulePage, Topic
from tests.factories import (
    SectorFactory,
    TopicFactory,
    make_module,
    make_site,
    translate_page,
)


@pytest.fixture
def phishing():
    return TopicFactory(
        slug="phishing",
        name="Phishing",
        names={"et": "Õngitsus", "fr": "Hameçonnage", "sl": "Lažno predstavljanje"},
    )


@pytest.fixture
def water():
    return SectorFactory(slug="water", name="Water and wastewater", names={"et": "Vesi ja reovesi"})


def soup(client, url, **params) -> BeautifulSoup:
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def interface_text(language: str, message: str) -> str:
    with override(language):
        return gettext(message)


def card_lists(html: BeautifulSoup, label: str) -> list[list[str]]:
    return [
        [li.get_text(strip=True) for li in ul.select("li")]
        for ul in html.select(f'.card ul.tags[aria-label="{label}"]')
    ]


def filter_links(html: BeautifulSoup) -> list[str]:
    return [" ".join(a.get_text(" ", strip=True).split()) for a in html.select(".filters a")]


def test_topic_names_follow_the_language_on_the_list_the_card_and_the_module(
    client, site_pages, phishing, water
):
    _home, index = site_pages
    module = make_module(index, "Phishing at the utility", sectors=[water], topics=[phishing])
    for code in ("et", "sl"):
        translation = translate_page(module, code)
        html = soup(client, translation.get_parent().url)
        name = phishing.names[code]
        assert f"{name} (1)" in filter_links(html)
        topics_label = interface_text(code, "Topics")
        assert topics_label != "Topics"  # the list is labelled in the page's language
        assert card_lists(html, topics_label) == [[name]]
        assert "Phishing" not in " ".join(filter_links(html))
        # The slug stays the same in every language.
        assert html.select_one(".filters a[href='?topic=phishing']")
        page = soup(client, translation.url)
        assert [
            li.get_text()
            for li in page.select(f'.module__header ul[aria-label="{topics_label}"] li')
        ] == [name]
    # In a language without a name of its own, the English one.
    it = translate_page(module, "it")
    it_label = interface_text("it", "Topics")
    assert card_lists(soup(client, it.get_parent().url), it_label) == [["Phishing"]]


def test_filters_offer_only_topics_of_live_modules_in_the_language(client, site_pages, phishing):
    _home, index = site_pages
    backups = TopicFactory(slug="backup", name="Backups", names={"et": "Varukoopiad"})
    drafts = TopicFactory(slug="drafts", name="Drafts", names={"et": "Mustandid"})
    english_only = make_module(index, "Backups", topics=[backups])
    estonian = translate_page(make_module(index, "Phishing", topics=[phishing]), "et")
    draft = make_module(index, "Unpublished", topics=[drafts])
    draft.unpublish()

    html = soup(client, estonian.get_parent().url)
    assert [link for link in filter_links(html) if "(" in link] == ["Õngitsus (1)"]
    html = soup(client, index.url)
    assert [link for link in filter_links(html) if "(" in link] == ["Backups (1)", "Phishing (1)"]
    assert english_only.live


def test_filters_sit_behind_a_disclosure_that_counts_the_active_ones(
    client, site_pages, phishing, water
):
    _home, index = site_pages
    make_module(index, "Phishing at the utility", sectors=[water], topics=[phishing])
    html = soup(client, index.url)
    summary = html.select_one(".filters details > summary")
    assert summary.get_text(strip=True) == "Filter"
    # The list of modules is not hidden with the filters.
    assert not html.select(".filters details .card") and html.select(".card")
    html = soup(client, index.url, sector="water", topic="phishing")
    assert " ".join(html.select_one(".filters summary").get_text().split()) == "Filter (2 active)"
    html = soup(client, index.url, topic="phishing")
    assert " ".join(html.select_one(".filters summary").get_text().split()) == "Filter (1 active)"


def test_a_card_shows_three_sectors_and_how_many_more(client, site_pages):
    _home, index = site_pages
    sectors = [SectorFactory(slug=f"s{n}", name=f"Sector {n}", sort_order=n) for n in range(5)]
    make_module(index, "Many sectors", sectors=sectors)
    make_module(index, "Few sectors", sectors=sectors[:3])
    html = soup(client, index.url)
    few, many = card_lists(html, "Sectors")
    assert few == ["Sector 0", "Sector 1", "Sector 2"]
    assert many == ["Sector 0", "Sector 1", "Sector 2", "+2 more"]
    # The module page itself names them all.
    module = ModulePage.objects.get(title="Many sectors")
    page = soup(client, module.url)
    assert len(page.select('.module__header ul[aria-label="Sectors"] li')) == 5


def count_queries(client, url) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_module_list_queries_do_not_grow_with_modules_sectors_or_topics(
    client, site_pages, django_assert_num_queries
):
    _home, index = site_pages
    sectors = [SectorFactory(slug=f"s{n}") for n in range(5)]
    topics = [TopicFactory(slug=f"t{n}") for n in range(5)]

    def add_modules(start: int, end: int) -> None:
        for n in range(start, end):
            make_module(
                index, f"Module {n:02d}", sectors=sectors[n % 5 :], topics=topics[: n % 5 + 1]
            )

    add_modules(0, 3)
    few = count_queries(client, index.url)
    add_modules(3, 10)
    client.get(index.url)
    with django_assert_num_queries(few):
        html = client.get(index.url).content.decode()
    assert html.count('class="card"') == 10


def test_the_translations_report_lists_a_topic_without_its_slovenian_name(admin_client, db):
    names = dict.fromkeys(("et", "fr", "it", "sk", "es"), "x")
    topic = TopicFactory(slug="phishing", name="Phishing", names=names)
    TopicFactory(slug="backup", name="Backups", names={**names, "sl": "Varnostne kopije"})
    html = BeautifulSoup(
        admin_client.get("/admin/reports/translations/", {"language": "sl"}).content, "html.parser"
    )
    rows = html.select("table.translations-names tbody tr")
    assert [row.th.get_text(strip=True) for row in rows] == ["Phishing"]
    assert rows[0].select("td")[0].get_text(strip=True) == "Topic"
    assert rows[0].a["href"] == reverse("wagtailsnippets_modules_topic:edit", args=[topic.pk])


def test_editors_name_a_topic_in_each_language_in_the_admin(admin_client, db):
    topic = TopicFactory(slug="phishing", name="Phishing", names={})
    url = reverse("wagtailsnippets_modules_topic:edit", args=[topic.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"name": "Phishing", "slug": "phishing", "name_sl": "Lažno predstavljanje"}
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.names == {"sl": "Lažno predstavljanje"}
    assert topic.name_in("sl") == "Lažno predstavljanje" and topic.name_in("et") == "Phishing"


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_each_tag_and_the_modules_tagged_with_it():
    _home, index = make_site()
    module = make_module(index, "Asset inventory basics")
    before = [("modules", "0004_lesson_sections_and_multiline_checklists")]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        tag = old.get_model("modules", "TopicTag").objects.create(
            name="asset-inventory", slug="asset-inventory"
        )
        old.get_model("modules", "TopicTaggedModule").objects.create(
            tag_id=tag.pk, content_object_id=module.pk
        )
        executor = MigrationExecutor(connection)
        executor.migrate([("modules", "0006_topics")])
    finally:
        # Whatever happened, the database is left at the latest migrations.
        call_command("migrate", verbosity=0)
    topic = Topic.objects.get(pk=tag.pk)
    assert (topic.name, topic.slug, topic.names) == ("asset-inventory", "asset-inventory", {})
    assert topic.name_in("sl") == "asset-inventory"
    assert list(ModulePage.objects.get(pk=module.pk).topics.all()) == [topic]


def test_a_renamed_topic_shows_on_lists_served_from_the_cache(client, site_pages, phishing):
    _home, index = site_pages
    make_module(index, "Phishing at the utility", topics=[phishing])
    client.get(index.url)
    assert "Phishing" in client.get(index.url).content.decode()
    phishing.name = "Phishing e-mails"
    phishing.save()
    assert "Phishing e-mails" in client.get(index.url).content.decode()
