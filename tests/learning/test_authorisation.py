"""Every learner, statistics and admin URL, tried as every role and as a visitor.

The matrix below classifies each named URL of the learning and statistics
URLconfs; a URL added to them without a row here fails
`test_every_learning_and_statistics_url_is_in_the_matrix`, so the matrix
stays complete.

Roles: an anonymous visitor; learner A (Estonia) trying learner B's
(Brittany) objects; an editor without the manager role; the manager of
Estonia trying Brittany through filters and URL edits; a coordinator for all
regions; an administrator.
"""

from __future__ import annotations

import io
import uuid

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from learning.models import Certificate, QuizAttempt
from learning.recording import submit_quiz
from learning.statistics.views import DIMENSION_LABELS
from tests.factories import answers_for
from tests.learning.test_statistics import staff, world  # noqa: F401 - the shared fixture

ROLES = ["anonymous", "learner", "editor", "manager", "coordinator", "admin"]
STAFF_ROLES = ["editor", "manager", "coordinator", "admin"]

# name -> who may use it: "public", "learner" (signed in, own data only),
# "statistics" (managers, scoped to their regions).
LEARNER_URLS = {
    "learning:dashboard": "learner",
    "learning:submit_quiz": "learner",
    "learning:mark_done": "learner",
    "learning:attempt": "learner",
    "learning:certificate": "learner",
    "learning:verify": "public",
    "learning:verify_code": "public",
    "learning:signup": "public",
    "learning:login": "public",
    "learning:logout": "public",
    "learning:profile": "learner",
    "learning:my_data": "learner",
    "learning:delete_account": "learner",
    "learning:privacy": "public",
    "learning:password_reset": "public",
    "learning:password_reset_done": "public",
    "learning:password_reset_confirm": "public",
    "learning:password_reset_complete": "public",
}
STATISTICS_URLS = {
    "learning_statistics:overview": "statistics",
    "learning_statistics:breakdown": "statistics",
    "learning_statistics:over_time": "statistics",
    "learning_statistics:funnel": "statistics",
    "learning_statistics:questions": "statistics",
}
MATRIX = {**LEARNER_URLS, **STATISTICS_URLS}


def named_urls(namespaces: set[str]) -> set[str]:
    """Every URL name under the given namespaces, however deeply they are included."""
    found: set[str] = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace in namespaces:
                found.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return found


def test_every_learning_and_statistics_url_is_in_the_matrix():
    found = named_urls({"learning", "learning_statistics"})
    unclassified = found - set(MATRIX)
    assert not unclassified, f"Add these URLs to the authorisation matrix: {sorted(unclassified)}"
    assert not set(MATRIX) - found, "The matrix lists URLs that no longer exist."


@pytest.fixture
def people(world):  # noqa: F811 - pytest fixture from test_statistics
    """Learner A (Estonia) and learner B (Brittany), each with an attempt and a certificate."""
    backups = world["backups"]
    a, b = world["ee"][5], world["fr"][0]
    for user in (a, b):
        user.set_password("pw-Secret-123")
        user.save()
        answers = {k[2:]: v for k, v in answers_for(backups).items()}
        submit_quiz(user, backups, answers, uuid.uuid4())
    editors = Group.objects.filter(name="Editors").first()
    if editors:
        world["editor"].groups.add(editors)
    admin = staff("root")
    admin.is_superuser = True
    admin.save()
    b_profile = b.learner_profile
    b_profile.full_name = "Bénédicte Secret-Name"
    b_profile.save()
    return {
        **world,
        "a": a,
        "b": b,
        "admin": admin,
        "b_attempt": QuizAttempt.objects.get(user=b, module_key=backups.translation_key),
        "b_certificate": Certificate.objects.get(user=b, kind=Certificate.Kind.MODULE),
        "a_certificate": Certificate.objects.get(user=a, kind=Certificate.Kind.MODULE),
    }


def sign_in(client, people, role: str):
    user = {
        "anonymous": None,
        "learner": people["a"],
        "editor": people["editor"],
        "manager": people["manager"],
        "coordinator": people["coordinator"],
        "admin": people["admin"],
    }[role]
    if user is not None:
        client.force_login(user)
    return user


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def b_markers(people) -> list[str]:
    """Text that identifies learner B or their results."""
    b = people["b"]
    return [
        b.email,
        "Bénédicte",
        people["b_certificate"].code,
        str(people["b_attempt"].pk),
    ]


def assert_sent_to_login(response, login_prefix: str) -> None:
    assert response.status_code == 302, response.status_code
    assert login_prefix in response["Location"]


# --- learner URLs -------------------------------------------------------------


def learner_requests(people) -> list[tuple[str, str, str, dict]]:
    """(name, method, url, data) for every learner-only URL, aimed at learner B's objects."""
    backups = people["backups"]
    return [
        ("learning:dashboard", "get", reverse("learning:dashboard"), {}),
        (
            "learning:submit_quiz",
            "post",
            reverse("learning:submit_quiz", args=[backups.pk]),
            # B's own form token: replaying it must not show or reuse B's attempt.
            {
                **answers_for(backups),
                "attempt_token": str(people["b_attempt"].submission_token),
            },
        ),
        ("learning:mark_done", "post", reverse("learning:mark_done", args=[backups.pk]), {}),
        ("learning:attempt", "get", reverse("learning:attempt", args=[people["b_attempt"].pk]), {}),
        (
            "learning:certificate",
            "get",
            reverse("learning:certificate", args=[people["b_certificate"].code]),
            {},
        ),
        ("learning:profile", "get", reverse("learning:profile"), {}),
        ("learning:my_data", "get", reverse("learning:my_data"), {}),
        ("learning:my_data", "get", reverse("learning:my_data") + "?format=json", {}),
        ("learning:delete_account", "get", reverse("learning:delete_account"), {}),
        ("learning:delete_account", "post", reverse("learning:delete_account"), {}),
    ]


def test_learner_requests_cover_every_learner_url(people):
    covered = {name for name, *_rest in learner_requests(people)}
    assert covered == {name for name, kind in LEARNER_URLS.items() if kind == "learner"}


def test_a_visitor_is_sent_to_sign_in_for_every_learner_url(client, people):
    before = QuizAttempt.objects.count()
    for name, method, url, data in learner_requests(people):
        response = getattr(client, method)(url, data)
        assert_sent_to_login(response, reverse("learning:login"))
        text = body(response)
        assert all(m not in text for m in b_markers(people) if m not in url), name
    assert QuizAttempt.objects.count() == before


@pytest.mark.parametrize("role", ["learner", *STAFF_ROLES])
def test_nobody_else_sees_or_changes_learner_bs_records(client, people, role):
    """Each signed-in role tries B's attempt, certificate and data: never shown."""
    sign_in(client, people, role)
    b = people["b"]
    attempts_before = QuizAttempt.objects.count()
    b_attempts = QuizAttempt.objects.filter(user=b).count()
    for name, method, url, data in learner_requests(people):
        if name == "learning:delete_account" and method == "post":
            data = {"password": "pw-Secret-123"}  # B's password, not the signed-in person's
            if role == "learner":
                continue  # A's password is the same in this test; covered below
        response = getattr(client, method)(url, data)
        assert response.status_code in (200, 302, 400, 404), (name, response.status_code)
        if name in ("learning:attempt", "learning:certificate"):
            assert response.status_code == 404, name
        if name == "learning:submit_quiz":
            assert response.status_code in (302, 400)
            if response.status_code == 302:
                assert str(people["b_attempt"].pk) not in response["Location"]
        text = body(response)
        # The page may repeat the address that was asked for; nothing else of B's.
        for marker in b_markers(people):
            if marker not in url:
                assert marker not in text, (role, name, marker)
    b.refresh_from_db()
    assert b.is_active
    assert QuizAttempt.objects.filter(user=b).count() == b_attempts
    assert QuizAttempt.objects.count() - attempts_before <= 1  # at most the role's own attempt


def test_a_learner_sees_their_own_records(client, people):
    sign_in(client, people, "learner")
    own = people["a_certificate"]
    attempt = QuizAttempt.objects.get(user=people["a"], module_key=own.subject_key)
    assert client.get(reverse("learning:attempt", args=[attempt.pk])).status_code == 200
    assert client.get(reverse("learning:certificate", args=[own.code])).status_code == 200
    data = body(client.get(reverse("learning:my_data"), {"format": "json"}))
    assert people["a"].email in data and own.code in data


def test_a_learner_cannot_delete_another_account(client, people):
    b = people["b"]
    b.set_password("only-B-knows-this")
    b.save()
    sign_in(client, people, "learner")
    response = client.post(reverse("learning:delete_account"), {"password": "only-B-knows-this"})
    assert response.status_code == 400
    b.refresh_from_db()
    people["a"].refresh_from_db()
    assert b.learner_profile and people["a"].learner_profile


def test_public_certificate_check_never_names_the_learner(client, people):
    for role in ("anonymous", "learner"):
        sign_in(client, people, role)
        response = client.get(reverse("learning:verify_code", args=[people["b_certificate"].code]))
        assert response.status_code == 200
        text = body(response)
        assert "Bénédicte" not in text and people["b"].email not in text


def test_a_reset_link_for_someone_else_changes_nothing(client, people):
    b = people["b"]
    uid = urlsafe_base64_encode(force_bytes(b.pk))
    url = reverse("learning:password_reset_confirm", args=[uid, "forged-token"])
    response = client.post(
        url, {"new_password1": "Hijack-123456", "new_password2": "Hijack-123456"}
    )
    assert response.status_code == 200
    b.refresh_from_db()
    assert not b.check_password("Hijack-123456")
    # A real token is single-purpose: it works only for B, through B's own uid.
    token = default_token_generator.make_token(b)
    other = urlsafe_base64_encode(force_bytes(people["a"].pk))
    client.get(reverse("learning:password_reset_confirm", args=[other, token]), follow=True)
    people["a"].refresh_from_db()
    assert people["a"].check_password("pw-Secret-123")


@pytest.mark.parametrize("role", ROLES)
def test_public_pages_open_to_everyone(client, people, role):
    sign_in(client, people, role)
    for name, kind in LEARNER_URLS.items():
        if kind != "public" or name in ("learning:verify_code", "learning:password_reset_confirm"):
            continue
        response = client.get(reverse(name))
        if name == "learning:logout":
            assert response.status_code == 405  # signing out takes a POST form
        elif name in ("learning:login", "learning:signup") and role != "anonymous":
            assert response.status_code in (200, 302)
        else:
            assert response.status_code == 200, (name, role)


# --- statistics ---------------------------------------------------------------


def statistics_urls() -> list[str]:
    urls = [
        reverse("learning_statistics:overview"),
        reverse("learning_statistics:over_time"),
        reverse("learning_statistics:funnel"),
        reverse("learning_statistics:questions"),
    ]
    urls += [reverse("learning_statistics:breakdown", args=[d]) for d in DIMENSION_LABELS]
    return urls


def statistics_queries(people) -> list[dict]:
    brittany = people["brittany"].pk
    module = str(people["phishing"].translation_key)
    queries = [{}, {"region": brittany}, {"region": brittany, "module": module}]
    return [
        {**q, **export} for q in queries for export in ({}, {"export": "csv"}, {"export": "xlsx"})
    ]


def export_text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        return "\n".join(
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    return content.decode(errors="replace")


def test_statistics_urls_cover_every_report(people):
    covered = {get_resolver().resolve(url).url_name for url in statistics_urls()}
    assert {f"learning_statistics:{name}" for name in covered} == set(STATISTICS_URLS)


@pytest.mark.parametrize("role", ["anonymous", "learner", "editor"])
def test_people_without_the_manager_role_get_no_statistics(client, people, role):
    sign_in(client, people, role)
    admin_login = reverse("wagtailadmin_login")
    for url in statistics_urls():
        for query in statistics_queries(people):
            response = client.get(url, query)
            if role == "anonymous":
                assert_sent_to_login(response, admin_login)
            else:
                assert response.status_code in (302, 403), (url, query)
                if response.status_code == 302:
                    assert response["Location"].split("?")[0] != url
            text = body(response)
            assert "Phishing" not in text and "Brittany" not in text


def test_a_manager_never_sees_another_region_in_any_report_or_export(client, people):
    sign_in(client, people, "manager")
    for url in [*statistics_urls(), reverse("learning_statistics:breakdown", args=["region"])]:
        for query in statistics_queries(people):
            response = client.get(url, query)
            assert response.status_code == 200, (url, query)
            text = export_text(response)
            assert "Brittany" not in text, (url, query)
            assert "FR-BRE" not in text
    # The region breakdown lists Estonia only, whatever the query string asks.
    csv_rows = export_text(
        client.get(
            reverse("learning_statistics:breakdown", args=["region"]),
            {"region": people["brittany"].pk, "export": "csv"},
        )
    ).splitlines()
    assert [row.split(",")[0] for row in csv_rows[1:]] == ["Estonia"]


def test_an_unknown_report_is_not_found(client, people):
    sign_in(client, people, "manager")
    url = reverse("learning_statistics:breakdown", args=["learner"])
    # LocaleMiddleware first tries the address with a language prefix.
    assert client.get(url, follow=True).status_code == 404


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_coordinators_see_every_region(client, people, role):
    sign_in(client, people, role)
    for url in statistics_urls():
        for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
            assert client.get(url, query).status_code == 200, (url, query)
    text = export_text(
        client.get(reverse("learning_statistics:breakdown", args=["region"]), {"export": "csv"})
    )
    assert "Brittany" in text and "Estonia" in text


# --- the Wagtail admin --------------------------------------------------------


def admin_urls(people) -> dict[str, str]:
    return {
        "home": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore_root"),
        "edit_module": reverse("wagtailadmin_pages:edit", args=[people["phishing"].pk]),
        "managers_regions": reverse("wagtailsnippets_learning_managerregions:list"),
        "users": reverse("wagtailusers_users:index"),
        "groups": reverse("wagtailusers_groups:index"),
    }


# Which admin pages each role may open; everything else must be refused.
ADMIN_ALLOWED = {
    "learner": set(),
    "editor": {"home", "explorer", "edit_module"},
    "manager": {"home"},
    "coordinator": {"home"},
    "admin": {"home", "explorer", "edit_module", "managers_regions", "users", "groups"},
}


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_by_role(client, people, role):
    user = sign_in(client, people, role)
    for key, url in admin_urls(people).items():
        response = client.get(url)
        if role == "anonymous":
            assert_sent_to_login(response, reverse("wagtailadmin_login"))
        elif key in ADMIN_ALLOWED[role]:
            assert response.status_code == 200, (role, key)
        else:
            assert response.status_code in (302, 403), (role, key, response.status_code)
            if response.status_code == 302:
                assert response["Location"].split("?")[0] != url
            text = body(response)
            assert "Bénédicte" not in text and people["b"].email not in text
    if user is not None and role != "admin":
        # Nobody but an administrator can give themselves more regions.
        response = client.post(
            reverse("wagtailsnippets_learning_managerregions:add"),
            {"user": user.pk, "regions": [people["brittany"].pk]},
        )
        assert response.status_code in (302, 403)
        assert not user.__class__.objects.filter(
            pk=user.pk, manager_regions__regions=people["brittany"]
        ).exists()
