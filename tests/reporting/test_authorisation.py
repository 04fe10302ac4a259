"""Every reporting URL, tried as every role and as a visitor, with GET and POST.

The matrix below classifies each named URL the reporting app registers (its
public URLconf, its admin URL hooks and its admin viewsets); a URL added
without a row fails `test_every_reporting_url_is_in_the_matrix`.

The world is the statistics tests' (Estonia, the manager's region, and
Brittany), with the roles of the learning matrix
(`tests/learning/test_authorisation.py`), a programme offered in Brittany
only, a target for each region, and a monthly report subscription for the
manager and for the coordinator.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core import signing
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pypdf import PdfReader
from wagtail.admin.viewsets import viewsets

from reporting.models import ProgrammeTarget, ReportSubscription
from reporting.subscriptions import UNSUBSCRIBE_SALT, unsubscribe_token
from tests.factories import make_programme
from tests.learning.statistics.helpers import world  # noqa: F401 - the shared fixture
from tests.learning.test_authorisation import (  # noqa: F401 - the shared fixture
    ROLES,
    assert_sent_to_login,
    people,
    sign_in,
)

# name -> who may use it. "statistics": signed in to the admin with a statistics
# permission, and then only the regions the statistics scope gives;
# "token": anyone holding the signed link of one subscription, for that one only.
REPORTING_URLS = {
    "programme_targets:index": "statistics",
    "programme_targets:index_results": "statistics",
    "programme_targets:add": "statistics",
    "programme_targets:edit": "statistics",
    "programme_targets:delete": "statistics",
    "programme_targets:history": "statistics",
    "programme_targets:history_results": "statistics",
    "programme_targets:usage": "statistics",
    "reporting_programme_report": "statistics",
    "reporting_subscription": "statistics",
    "reporting_unsubscribe": "token",
}

NO_STATISTICS = ["learner", "editor", "language_editor"]
ALL_REGIONS = ["coordinator", "admin"]
NO_ADMIN_ACCESS = "You do not have permission to access the admin."
NO_PERMISSION = "Sorry, you do not have permission to access this area."
INVALID_LINK = "This link does not work"


def reporting_url_names() -> set[str]:
    """Named URLs of the reporting app: its viewsets' namespaces, and every other
    pattern whose view is the app's or whose name says it is the app's."""
    namespaces = {
        vs.name for vs in viewsets.viewsets if type(vs).__module__.startswith("reporting")
    }
    found: set[str] = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                view_module = getattr(pattern.callback, "__module__", "") or ""
                if (
                    namespace in namespaces
                    or view_module.startswith("reporting")
                    or pattern.name.startswith("reporting")
                ):
                    found.add(name)

    walk(get_resolver().url_patterns, None)
    return found


def test_every_reporting_url_is_in_the_matrix():
    found = reporting_url_names()
    assert "programme_targets:add" in found  # Wagtail's own view, found by its namespace
    unclassified = found - set(REPORTING_URLS)
    assert not unclassified, f"Add these URLs to the authorisation matrix: {sorted(unclassified)}"
    assert not set(REPORTING_URLS) - found, "The matrix lists URLs that no longer exist."


# --- the world ----------------------------------------------------------------

BRITTANY_MARKERS = ("Brittany", "FR-BRE", "Breton programme")


@pytest.fixture
def reporting(people):  # noqa: F811 - the learning matrix's people fixture
    """A programme for Brittany only and one for everybody; a target for Estonia and one
    for Brittany; the manager gets the Water programme's report, the coordinator the
    Breton one."""
    home, phishing = people["home"], people["phishing"]
    water = people["programme"]
    water.regions.set([people["estonia"]])
    water.save()  # a page's regions are kept when it is saved
    breton = make_programme(home, [phishing], title="Breton programme")
    breton.regions.set([people["brittany"]])
    breton.save()
    shared = make_programme(home, [phishing], title="Shared programme")
    estonian_target = ProgrammeTarget.objects.create(
        programme_key=water.translation_key,
        region=people["estonia"],
        learners_completed=20,
        organisations_trained=3,
        due_date=datetime.date(2027, 6, 30),
    )
    brittany_target = ProgrammeTarget.objects.create(
        programme_key=breton.translation_key,
        region=people["brittany"],
        learners_completed=40,
        organisations_trained=4,
        due_date=datetime.date(2027, 9, 30),
    )
    manager_subscription = ReportSubscription.objects.create(
        user=people["manager"], programme_key=water.translation_key
    )
    coordinator_subscription = ReportSubscription.objects.create(
        user=people["coordinator"], programme_key=breton.translation_key
    )
    return {
        **people,
        "water": water,
        "breton": breton,
        "shared": shared,
        "estonian_target": estonian_target,
        "brittany_target": brittany_target,
        "manager_subscription": manager_subscription,
        "coordinator_subscription": coordinator_subscription,
    }


def target_row(target: ProgrammeTarget) -> tuple | None:
    found = ProgrammeTarget.objects.filter(pk=target.pk).first()
    if found is None:
        return None
    return (
        found.programme_key,
        found.region_id,
        found.learners_completed,
        found.organisations_trained,
        found.due_date,
    )


def target_form(programme, region, **changes) -> dict:
    return {
        "programme_key": str(programme.translation_key),
        "region": region.pk,
        "learners_completed": "77",
        "organisations_trained": "7",
        "due_date": "2028-03-31",
        **changes,
    }


def text_of(response) -> str:
    """What a person reads in the answer: the page, or the text of the downloaded file."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith("application/vnd.openxmlformats"):
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        return "\n".join(
            [sheet.title for sheet in workbook.worksheets]
            + [
                str(cell)
                for sheet in workbook.worksheets
                for row in sheet.iter_rows(values_only=True)
                for cell in row
                if cell is not None
            ]
        )
    if kind.startswith("application/pdf"):
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode(errors="replace")


def send(client, method: str, url: str, data: dict):
    """The request, and the page it ends on when the answer is LocaleMiddleware's
    redirect to the language-prefixed address of a URL that was not found."""
    response = getattr(client, method)(url, data)
    if response.status_code == 302 and re.fullmatch(
        r"/[a-z]{2}(-[a-z]+)?" + re.escape(url), response["Location"]
    ):
        response = client.get(response["Location"])
        assert response.status_code == 404, (url, response.status_code)
    return response


# --- the matrix -----------------------------------------------------------------


@dataclass
class ReportingRequest:
    name: str
    method: str
    url: str
    data: dict
    manager: int  # what the manager of Estonia gets
    all_regions: int  # what a coordinator and an administrator get
    # The file a person in scope downloads ("" for a page).
    download: str = ""
    # The coordinator's answer names Brittany (their scope holds it).
    names_brittany: bool = False


def reporting_requests(scene) -> list[ReportingRequest]:
    """Every statistics URL of the matrix, with GET and POST, aimed at both regions'
    targets and programmes; the requests that change something come last."""
    estonia, brittany = scene["estonia"], scene["brittany"]
    ours, theirs = scene["estonian_target"].pk, scene["brittany_target"].pk
    water, breton, shared = scene["water"], scene["breton"], scene["shared"]

    def url(name, *args):
        return reverse(f"programme_targets:{name}", args=args)

    report = reverse("reporting_programme_report")
    period = {"date_from": "2020-01-01", "date_to": datetime.date.today().isoformat()}
    water_report = {"programme": str(water.translation_key), **period}
    breton_report = {"programme": str(breton.translation_key), **period}
    subscription = reverse("reporting_subscription")
    R = ReportingRequest
    requests = [
        R("programme_targets:index", "get", url("index"), {}, 200, 200, names_brittany=True),
        R(
            "programme_targets:index",
            "get",
            url("index"),
            {"region": brittany.pk},
            200,
            200,
            names_brittany=True,
        ),
        R("programme_targets:index", "post", url("index"), {}, 405, 405),
        R(
            "programme_targets:index_results",
            "get",
            url("index_results"),
            {"region": brittany.pk},
            200,
            200,
            names_brittany=True,
        ),
        R("programme_targets:index_results", "post", url("index_results"), {}, 405, 405),
        R("programme_targets:add", "get", url("add"), {}, 200, 200, names_brittany=True),
        # Brittany put into the form by hand: a form error for the manager, nothing written.
        R(
            "programme_targets:add",
            "post",
            url("add"),
            target_form(shared, brittany),
            200,
            302,
            names_brittany=True,
        ),
        R(
            "programme_targets:add",
            "post",
            url("add"),
            target_form(shared, estonia, due_date="2028-04-30"),
            302,
            302,
        ),
        R("programme_targets:edit", "get", url("edit", ours), {}, 200, 200, names_brittany=True),
        R("programme_targets:edit", "get", url("edit", theirs), {}, 404, 200, names_brittany=True),
        R(
            "programme_targets:edit",
            "post",
            url("edit", theirs),
            target_form(breton, brittany, learners_completed="1"),
            404,
            302,
        ),
        # Their own target moved into Brittany: a form error, the target unchanged.
        R(
            "programme_targets:edit",
            "post",
            url("edit", ours),
            target_form(water, brittany),
            200,
            302,
            names_brittany=True,
        ),
        R(
            "programme_targets:edit",
            "post",
            url("edit", ours),
            target_form(water, estonia, learners_completed="25"),
            302,
            302,
        ),
        R("programme_targets:history", "get", url("history", ours), {}, 200, 200),
        R("programme_targets:history", "get", url("history", theirs), {}, 404, 200),
        R("programme_targets:history", "post", url("history", theirs), {}, 404, 405),
        R("programme_targets:history_results", "get", url("history_results", ours), {}, 200, 200),
        R(
            "programme_targets:history_results",
            "get",
            url("history_results", theirs),
            {},
            404,
            200,
        ),
        R(
            "programme_targets:history_results",
            "post",
            url("history_results", theirs),
            {},
            404,
            405,
        ),
        R("programme_targets:usage", "get", url("usage", ours), {}, 200, 200),
        R("programme_targets:usage", "get", url("usage", theirs), {}, 404, 200),
        R("programme_targets:usage", "post", url("usage", theirs), {}, 404, 405),
        R("programme_targets:delete", "get", url("delete", theirs), {}, 404, 200),
        R("programme_targets:delete", "post", url("delete", theirs), {}, 404, 302),
        R("programme_targets:delete", "get", url("delete", ours), {}, 200, 200),
        R("programme_targets:delete", "post", url("delete", ours), {}, 302, 302),
        # The programme report: the form, each format it offers, and Brittany asked for.
        R("reporting_programme_report", "get", report, {}, 200, 200, names_brittany=True),
        R(
            "reporting_programme_report",
            "get",
            report,
            {**water_report, "format": "pdf"},
            200,
            200,
            download="application/pdf",
            names_brittany=True,
        ),
        R(
            "reporting_programme_report",
            "get",
            report,
            {**water_report, "format": "xlsx"},
            200,
            200,
            download="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            names_brittany=True,
        ),
        R(
            "reporting_programme_report",
            "get",
            report,
            {**water_report, "format": "pdf", "region": brittany.pk},
            400,
            200,
            names_brittany=True,
        ),
        R(
            "reporting_programme_report",
            "get",
            report,
            {**breton_report, "format": "xlsx"},
            400,
            200,
            names_brittany=True,
        ),
        R("reporting_programme_report", "post", report, water_report, 405, 405),
        # Subscribing: a POST from the dashboard.
        R("reporting_subscription", "get", subscription, {}, 405, 405),
        R(
            "reporting_subscription",
            "post",
            subscription,
            {"programme": str(breton.translation_key)},
            400,
            302,
        ),
        R(
            "reporting_subscription",
            "post",
            subscription,
            {"programme": str(shared.translation_key)},
            302,
            302,
        ),
    ]
    return requests


def test_the_requests_cover_every_statistics_url_with_get_and_post(reporting):
    requests = reporting_requests(reporting)
    statistics = {name for name, kind in REPORTING_URLS.items() if kind == "statistics"}
    for method in ("get", "post"):
        assert {r.name for r in requests if r.method == method} == statistics, method


def brittany_state(scene) -> tuple:
    """Everything of Brittany's a manager of Estonia could write to."""
    return (
        target_row(scene["brittany_target"]),
        sorted(
            ProgrammeTarget.objects.filter(region=scene["brittany"]).values_list("pk", flat=True)
        ),
        sorted(
            ReportSubscription.objects.filter(
                programme_key=scene["breton"].translation_key
            ).values_list("user_id", flat=True)
        ),
    )


def written_state() -> tuple:
    return (
        sorted(
            ProgrammeTarget.objects.values_list(
                "pk", "programme_key", "region_id", "learners_completed", "due_date"
            )
        ),
        sorted(ReportSubscription.objects.values_list("user_id", "programme_key")),
    )


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("role", ["anonymous", *NO_STATISTICS])
def test_people_without_the_statistics_role_are_refused_everywhere(client, reporting, role):
    """Sent to sign in (a visitor, or a learner, who has no admin), or back to the
    dashboard with Wagtail's refusal (editors); never a page of reporting, nothing written."""
    sign_in(client, reporting, role)
    admin_login, dashboard = reverse("wagtailadmin_login"), reverse("wagtailadmin_home")
    before = written_state()
    for request in reporting_requests(reporting):
        response = send(client, request.method, request.url, request.data)
        where = (role, request.name, request.method, request.data)
        if role == "anonymous":
            assert_sent_to_login(response, admin_login)
        elif role == "learner":
            assert_sent_to_login(response, admin_login)
            assert NO_ADMIN_ACCESS in messages_of(response), where
        elif request.name == "reporting_subscription" and request.method == "get":
            assert response.status_code == 405, where  # only a POST is answered at all
        elif request.name == "programme_targets:delete":
            # Wagtail's delete view looks for the target before it checks permissions,
            # and nobody without the statistics role has a target: none is found.
            assert response.status_code == 404, (*where, response.status_code)
        else:
            assert response.status_code == 302, (*where, response.status_code)
            assert response["Location"] == dashboard, where
            assert NO_PERMISSION in messages_of(response), where
        text = text_of(response)
        assert all(marker not in text for marker in BRITTANY_MARKERS), where
    assert written_state() == before


def test_the_estonian_manager_only_ever_reaches_estonia(client, reporting):
    sign_in(client, reporting, "manager")
    brittany_before = brittany_state(reporting)
    theirs = reverse("programme_targets:edit", args=[reporting["brittany_target"].pk])
    for request in reporting_requests(reporting):
        response = send(client, request.method, request.url, request.data)
        where = (request.name, request.method, request.data)
        assert response.status_code == request.manager, (*where, response.status_code)
        if request.download and response.status_code == 200:
            assert response["Content-Type"] == request.download, where
            assert "attachment" in response["Content-Disposition"]
        text = text_of(response)
        for marker in BRITTANY_MARKERS:
            assert marker not in text, (*where, marker)
        if request.url != theirs:
            assert theirs not in text, where
        assert brittany_state(reporting) == brittany_before, where
    # What the manager could do, they did: in Estonia only.
    estonian = ProgrammeTarget.objects.filter(region=reporting["estonia"])
    assert list(estonian.values_list("programme_key", flat=True)) == [
        reporting["shared"].translation_key
    ]
    assert ReportSubscription.objects.filter(
        user=reporting["manager"], programme_key=reporting["shared"].translation_key
    ).exists()


def test_tampered_choices_are_form_errors_for_the_manager(client, reporting):
    """What the manager sees when Brittany is put into a form by hand."""
    sign_in(client, reporting, "manager")
    estonia, brittany = reporting["estonia"], reporting["brittany"]
    ours = reporting["estonian_target"]
    before = written_state()
    added = client.post(
        reverse("programme_targets:add"), target_form(reporting["shared"], brittany)
    )
    moved = client.post(
        reverse("programme_targets:edit", args=[ours.pk]),
        target_form(reporting["water"], brittany),
    )
    for response in (added, moved):
        assert response.status_code == 200
        assert "Select a valid choice. That choice is not one of the available choices." in (
            response.content.decode()
        )
    report = client.get(
        reverse("reporting_programme_report"),
        {
            "programme": str(reporting["water"].translation_key),
            "region": brittany.pk,
            "date_from": "2020-01-01",
            "date_to": "2025-12-31",
            "format": "pdf",
        },
    )
    assert report.status_code == 400 and report["Content-Type"].startswith("text/html")
    assert "The report could not be made" in report.content.decode()
    # Nor a programme offered in Brittany only, for Estonia.
    breton_in_estonia = client.post(
        reverse("programme_targets:add"), target_form(reporting["breton"], estonia)
    )
    assert breton_in_estonia.status_code == 200
    assert "Select a valid choice." in breton_in_estonia.content.decode()
    subscribe = client.post(
        reverse("reporting_subscription"), {"programme": str(reporting["breton"].translation_key)}
    )
    assert subscribe.status_code == 400
    assert "not one of your regions' programmes" in subscribe.content.decode()
    assert written_state() == before
    assert target_row(ours)[1] == estonia.pk


def test_the_manager_never_reads_brittany_on_the_dashboard(client, reporting):
    sign_in(client, reporting, "manager")
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Water programme" in text
    assert all(marker not in text for marker in BRITTANY_MARKERS)


@pytest.mark.parametrize("role", ALL_REGIONS)
def test_coordinators_and_administrators_reach_every_region(client, reporting, role):
    sign_in(client, reporting, role)
    for request in reporting_requests(reporting):
        response = send(client, request.method, request.url, request.data)
        where = (role, request.name, request.method, request.data)
        assert response.status_code == request.all_regions, (*where, response.status_code)
        if request.download:
            assert response["Content-Type"] == request.download, where
        if request.names_brittany and response.status_code == 200:
            assert "Brittany" in text_of(response), where
    # Both regions' targets were theirs to change: Brittany's was edited, then deleted.
    assert target_row(reporting["brittany_target"]) is None
    assert ProgrammeTarget.objects.filter(
        region=reporting["brittany"], programme_key=reporting["shared"].translation_key
    ).exists()
    assert ReportSubscription.objects.filter(
        user=sign_in(client, reporting, role), programme_key=reporting["breton"].translation_key
    ).exists()


# --- the unsubscribe link -------------------------------------------------------------


def tampered_tokens(scene) -> list[str]:
    """Links that are not a subscription's: cut off, altered, signed for something else,
    or one subscription's signature on another subscription's number."""
    mine = unsubscribe_token(scene["manager_subscription"])
    other_pk = scene["coordinator_subscription"].pk
    signature = mine.rsplit(":", 1)[1]
    swapped = signing.dumps(other_pk, salt=UNSUBSCRIBE_SALT).rsplit(":", 1)[0]
    return [
        "not-a-token",
        mine[:-3],
        mine[:-1] + ("A" if mine[-1] != "A" else "B"),
        f"{swapped}:{signature}",
        signing.dumps(other_pk),  # signed, but not as an unsubscribe link
        signing.dumps(str(other_pk), salt=UNSUBSCRIBE_SALT),  # the right salt, not a number
        signing.dumps(999_999, salt=UNSUBSCRIBE_SALT),  # no such subscription
        "x" * 5000,
    ]


@pytest.mark.parametrize("role", ROLES)
def test_a_tampered_or_unknown_unsubscribe_link_changes_nothing(client, reporting, role):
    sign_in(client, reporting, role)
    before = written_state()
    for token in tampered_tokens(reporting):
        for method in ("get", "post"):
            url = reverse("reporting_unsubscribe", args=[token])
            response = getattr(client, method)(url, follow=True)
            assert response.status_code == 400, (role, token[:40], method)
            text = response.content.decode()
            assert INVALID_LINK in text
            assert "Breton programme" not in text and "Water programme" not in text
    assert written_state() == before


def test_an_unsubscribe_link_stops_its_own_subscription_only(client, reporting):
    """Whoever holds the manager's link (a mail program, without a session) stops the
    manager's report; the coordinator's goes on. Opening it stops nothing."""
    manager_subscription = reporting["manager_subscription"]
    url = reverse("reporting_unsubscribe", args=[unsubscribe_token(manager_subscription)])
    opened = client.get(url, follow=True)
    assert opened.status_code == 200
    assert "Stop the monthly e-mail with the report on Water programme?" in (
        opened.content.decode()
    )
    assert ReportSubscription.objects.count() == 2

    stopped = client.post(url, follow=True)
    assert stopped.status_code == 200
    assert "You will no longer get the monthly report on Water programme." in (
        stopped.content.decode()
    )
    assert list(ReportSubscription.objects.values_list("pk", flat=True)) == [
        reporting["coordinator_subscription"].pk
    ]

    # Again, later: nothing more is stopped, and the page says the link no longer works.
    for method in (client.post, client.get):
        again = method(url, follow=True)
        assert again.status_code == 400
        assert INVALID_LINK in again.content.decode()
    assert list(ReportSubscription.objects.values_list("pk", flat=True)) == [
        reporting["coordinator_subscription"].pk
    ]


def test_an_old_link_does_not_stop_a_new_subscription(client, reporting):
    """Stopped, then asked for again: the first e-mail's link does not stop the new one."""
    old = reporting["manager_subscription"]
    url = reverse("reporting_unsubscribe", args=[unsubscribe_token(old)])
    assert client.post(url, follow=True).status_code == 200
    renewed = ReportSubscription.objects.create(
        user=reporting["manager"], programme_key=reporting["water"].translation_key
    )
    assert renewed.pk != old.pk
    assert client.post(url, follow=True).status_code == 400
    assert ReportSubscription.objects.filter(pk=renewed.pk).exists()
