"""The monthly programme report by e-mail: asked for from the dashboard, sent once a
month with the PDF, stopped with one click."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from organisations.models import EmailSend
from reporting.models import ReportSubscription
from reporting.subscriptions import report_month, send_monthly_reports, unsubscribe_token
from tests.factories import RegionFactory, SectorFactory, make_module, make_programme
from tests.learning.statistics.helpers import learner, progress, staff

TODAY = datetime.date(2026, 12, 2)


@pytest.fixture
def world(site_pages):
    home, index = site_pages
    estonia = RegionFactory(code="EE", name="Estonia")
    latvia = RegionFactory(code="LV", name="Latvia")
    water = SectorFactory(slug="water", name="Water")
    phishing = make_module(index, "Phishing", sectors=[water])
    programme = make_programme(home, [phishing], title="Water programme")
    programme.regions.set([estonia])
    programme.save()  # a page's regions are kept when it is saved
    baltic = make_programme(home, [phishing], title="Baltic programme")
    baltic.regions.set([latvia])
    baltic.save()
    for number in range(8):
        progress(learner(number, estonia, water), phishing, days_ago=20)
    manager = staff("manager.ee", codename="view_statistics", regions=[estonia])
    return {"programme": programme, "baltic": baltic, "manager": manager}


def subscribe(client, programme, action="start"):
    return client.post(
        reverse("reporting_subscription"),
        {"programme": str(programme.translation_key), "action": action},
    )


def test_the_month_reported_is_the_one_before(db):
    assert report_month(TODAY) == (datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    assert report_month(datetime.date(2027, 1, 1)) == (
        datetime.date(2026, 12, 1),
        datetime.date(2026, 12, 31),
    )


def test_a_manager_asks_for_the_report_and_gets_it_once_a_month(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["manager"])
    assert subscribe(client, world["programme"]).status_code == 302
    assert ReportSubscription.objects.filter(user=world["manager"]).count() == 1
    dashboard = client.get("/admin/").content.decode()
    assert "You get this programme's report by e-mail every month." in dashboard

    with django_capture_on_commit_callbacks(execute=True):
        result = send_monthly_reports(TODAY)
    assert result.queued == 1
    [message] = mail.outbox
    assert message.to == ["manager.ee@example.com"]
    assert "Water programme" in message.subject and "November 2026" in message.subject
    assert "Estonia" in message.body and "Latvia" not in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "programme-report-2026-11.pdf" and mimetype == "application/pdf"
    assert content[:5] == b"%PDF-"
    token = unsubscribe_token(ReportSubscription.objects.get())
    assert token in message.extra_headers["List-Unsubscribe"]
    assert token in message.body

    # Run again, the same month: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        again = send_monthly_reports(TODAY)
    assert (again.queued, again.already_sent) == (0, 1)
    assert len(mail.outbox) == 1
    assert EmailSend.objects.filter(kind="programme_report").count() == 1


def test_the_report_comes_in_the_managers_admin_language(
    client, world, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(world["manager"])
    profile.preferred_language = "et"
    profile.save()
    ReportSubscription.objects.create(
        user=world["manager"], programme_key=world["programme"].translation_key
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_monthly_reports(TODAY)
    [message] = mail.outbox
    assert "Kogu programmi läbinud õppijad" in message.body


def test_a_programme_outside_ones_regions_cannot_be_asked_for(client, world):
    client.force_login(world["manager"])
    response = subscribe(client, world["baltic"])
    assert response.status_code == 400
    assert "not one of your regions" in response.content.decode()
    bad = client.post(reverse("reporting_subscription"), {"programme": "not-a-key"})
    assert bad.status_code == 400
    assert not ReportSubscription.objects.exists()


def test_people_without_statistics_cannot_subscribe(client, world):
    client.force_login(staff("editor"))
    response = subscribe(client, world["programme"])
    assert response.status_code in (302, 403)
    assert not ReportSubscription.objects.exists()


def test_a_manager_who_lost_the_permission_gets_nothing(world, django_capture_on_commit_callbacks):
    ReportSubscription.objects.create(
        user=world["manager"], programme_key=world["programme"].translation_key
    )
    world["manager"].groups.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = send_monthly_reports(TODAY)
    assert (result.queued, result.not_allowed) == (0, 1)
    assert not mail.outbox


def test_one_click_stops_the_report(client, world):
    subscription = ReportSubscription.objects.create(
        user=world["manager"], programme_key=world["programme"].translation_key
    )
    url = reverse("reporting_unsubscribe", args=[unsubscribe_token(subscription)])
    page = client.get(url)
    assert page.status_code == 200 and "Water programme" in page.content.decode()
    assert ReportSubscription.objects.exists()  # a GET (a mail scanner) changes nothing
    done = client.post(url)
    assert done.status_code == 200
    assert "You will no longer get the monthly report on Water programme." in done.content.decode()
    assert not ReportSubscription.objects.exists()
    again = client.post(url)
    assert again.status_code == 400  # already stopped: a clear page, not an error


def test_a_tampered_link_changes_nothing(client, world):
    subscription = ReportSubscription.objects.create(
        user=world["manager"], programme_key=world["programme"].translation_key
    )
    token = unsubscribe_token(subscription)
    for bad in (token[:-2] + "xx", "x" * 500, "1"):
        response = client.post(reverse("reporting_unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert ReportSubscription.objects.exists()
