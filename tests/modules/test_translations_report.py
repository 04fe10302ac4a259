"""The Translations report shows editors which language versions need work."""

import csv
import io
import time

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from modules.models import ModulePage
from tests.factories import make_module, make_programme, run_on_commit, translate_page

URL = "/admin/reports/translations/"


def report(client, **params):
    response = client.get(URL, {**params, "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    return {row["Title"]: row for row in csv.DictReader(io.StringIO(content))}


def test_outdated_translations_are_flagged_until_synced(admin_client, site_pages):
    home, index = site_pages
    module = make_module(index, "Phishing at the utility")
    translate_page(module, "et")
    make_programme(home, [module])
    rows = report(admin_client)
    row = rows["Phishing at the utility"]
    assert (row["English"], row["Eesti"], row["Français"]) == ("Source", "Up to date", "Missing")
    assert rows["Water programme"]["Eesti"] == "Missing"

    time.sleep(0.01)
    source = ModulePage.objects.get(pk=module.pk)
    source.summary = "A new summary."
    source.save_revision().publish()
    assert report(admin_client)["Phishing at the utility"]["Eesti"] == "Out of date"
    assert "Phishing at the utility" in report(admin_client, status="outdated")
    assert "Phishing at the utility" in report(admin_client, status="needs_work", language="et")

    # The editor syncs: the source is extracted again and the translation updated.
    TranslationSource.update_or_create_from_instance(source)
    translation = Translation.objects.get(source__object_id=module.translation_key)
    run_on_commit(translation.save_target, publish=True)
    rows = report(admin_client)
    assert rows["Phishing at the utility"]["Eesti"] == "Up to date"
    assert "Phishing at the utility" not in report(admin_client, status="outdated")


def test_the_report_page_links_to_each_version(admin_client, site_pages):
    _home, index = site_pages
    module = make_module(index)
    estonian = translate_page(module, "et")
    html = admin_client.get(URL).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[estonian.pk]) in html
    assert (
        "Translations"
        in admin_client.get(
            reverse("wagtailadmin_reports:index") if False else "/admin/"
        ).content.decode()
    )


def test_only_editors_see_the_report(client, site_pages):
    learner = get_user_model().objects.create_user("someone", "someone@example.com", "pw")
    client.force_login(learner)
    assert client.get(URL).status_code in (302, 403)
