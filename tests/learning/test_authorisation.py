"""Every learner, impact, statistics, admin and wagtail-localize URL, tried as every role.

The matrices below classify each named URL of the learning, impact (knowledge
checks and surveys) and statistics URLconfs and of wagtail-localize's admin
URLs; a URL added to them without a row here fails
`test_every_learning_and_statistics_url_is_in_the_matrix` or
`test_every_wagtail_localize_url_is_in_the_matrix`, so the matrices stay
complete.

Roles: an anonymous visitor; learner A (Estonia) trying learner B's
(Brittany) objects (quiz attempt, certificate, knowledge check, survey
response); an editor without the manager role (Wagtail's "Editors": adds and
edits pages in every language, publishes none); a language editor
(editor.et: edits and publishes Estonian pages only); the manager of
Estonia trying Brittany through filters and URL edits; a coordinator for all
regions; an administrator.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass, field

import openpyxl
import polib
import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.datastructures import MultiValueDict
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from impact.checks import BASELINE, check_of, earlier_attempts, questions_for, submit_check
from impact.models import CheckAttempt, KnowledgeRecord, SurveyAnswer, SurveyResponse
from impact.statistics.views import GAIN_LABELS
from impact.surveys import answers_from, check_answers, record_response
from learning.models import Certificate, LearnerProfile, ModuleProgress, QuizAttempt
from learning.recording import submit_quiz
from learning.statistics.views import DIMENSION_LABELS
from tests.admin_reports.exports import csv_table
from tests.factories import (
    KnowledgeCheckPageFactory,
    SubRegionFactory,
    SurveyPageFactory,
    answers_for,
    check_pool,
    make_module,
    make_programme,
    run_on_commit,
    translate_page,
)
from tests.impact.conftest import answers_to
from tests.impact.test_surveys import full_answers
from tests.learning.statistics.helpers import staff, world  # noqa: F401 - the shared fixture
from tests.modules import localize_state

ROLES = ["anonymous", "learner", "editor", "language_editor", "manager", "coordinator", "admin"]
STAFF_ROLES = ["editor", "language_editor", "manager", "coordinator", "admin"]

# name -> who may use it: "public", "learner" (signed in, own data only),
# "respondent" (whoever the survey admits: anyone for an anonymous survey, signed
# in for the others, own response only), "statistics" (managers, scoped to
# their regions).
LEARNER_URLS = {
    "learning:dashboard": "learner",
    "learning:submit_quiz": "learner",
    "learning:mark_done": "learner",
    "learning:save_position": "learner",
    "learning:attempt": "learner",
    "learning:certificate": "learner",
    "learning:certificate_pdf": "learner",
    "learning:certificate_qr": "learner",
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
IMPACT_URLS = {
    "impact:submit_check": "learner",
    "impact:check_result": "learner",
    "impact:submit_survey": "respondent",
    "impact:survey_thanks": "public",
}
STATISTICS_URLS = {
    "learning_statistics:overview": "statistics",
    "learning_statistics:breakdown": "statistics",
    "learning_statistics:over_time": "statistics",
    "learning_statistics:funnel": "statistics",
    "learning_statistics:questions": "statistics",
    # The impact reports (tried in more detail in tests/impact/test_reports_authorisation.py).
    "impact_statistics:gain": "statistics",
    "impact_statistics:gain_by": "statistics",
    "impact_statistics:surveys": "statistics",
}
MATRIX = {**LEARNER_URLS, **IMPACT_URLS, **STATISTICS_URLS}


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
    found = named_urls({"learning", "impact", "learning_statistics", "impact_statistics"})
    unclassified = found - set(MATRIX)
    assert not unclassified, f"Add these URLs to the authorisation matrix: {sorted(unclassified)}"
    assert not set(MATRIX) - found, "The matrix lists URLs that no longer exist."


# What learner B wrote in a survey and scored in a knowledge check: nobody else may see either.
B_SURVEY_TEXT = "The backup tapes sit in the canteen at Quimper."
B_CHECK_QUESTIONS, B_CHECK_RIGHT = 7, 3  # a score of 42 %


def learner_bs_check_and_survey(pages: dict, b) -> dict:
    """B's baseline check and answers to a signed-in survey, in a programme of its
    own that nobody has begun, recorded by the same functions the forms use."""
    module = make_module(pages["index"], "Reporting incidents", sectors=[pages["water"]])
    programme = make_programme(pages["home"], [module], title="Incident programme")
    check_page = KnowledgeCheckPageFactory(
        parent=programme, questions=check_pool(10), questions_per_check=B_CHECK_QUESTIONS
    )
    check = check_of(check_page, programme)
    quiz = questions_for(b, check_page, check, BASELINE, earlier_attempts(b, check))
    check_form = answers_to(quiz, right=B_CHECK_RIGHT)
    answers = {key[2:]: value for key, value in check_form.items()}
    attempt = submit_check(b, check_page, programme, BASELINE, answers, uuid.uuid4()).attempt
    survey = SurveyPageFactory.create(programme, "Incident survey")
    free_text = survey.survey.questions[-1]
    survey_form = full_answers(survey, uuid.uuid4(), **{f"q-{free_text.id}": B_SURVEY_TEXT})
    post = MultiValueDict(
        {key: value if isinstance(value, list) else [value] for key, value in survey_form.items()}
    )
    checked = check_answers(survey.survey, answers_from(post))
    assert not checked.errors
    token = uuid.UUID(survey_form["survey_token"])
    response = record_response(survey, checked.rows, token, b).response
    return {
        "check_page": check_page,
        "b_check": attempt,
        # The form B sent, with B's token: what a replay by someone else would send.
        "b_check_form": {**check_form, "attempt_token": str(attempt.token)},
        "survey": survey,
        "b_survey_response": response,
        "b_survey_form": survey_form,
    }


@pytest.fixture
def people(world):  # noqa: F811 - the statistics tests' world fixture
    """Learner A (Estonia) and learner B (Brittany), each with an attempt and a certificate;
    B also with a knowledge check and a survey response."""
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
    translate_page(world["home"], "et")
    language_editor = localize_state.language_editor("editor.et", "et")
    admin = staff("root")
    admin.is_superuser = True
    admin.save()
    b_profile = b.learner_profile
    b_profile.full_name = "Bénédicte Secret-Name"
    b_profile.save()
    # Brittany's learners in Finistère, Estonia's in Harju: the report by
    # sub-region and the sub-region filter must keep them apart too.
    finistere = SubRegionFactory(code="FR-29", name="Finistère", names={}, region=world["brittany"])
    harju = SubRegionFactory(region=world["estonia"])
    for region, subregion in ((world["brittany"], finistere), (world["estonia"], harju)):
        LearnerProfile.objects.filter(region=region).update(subregion=subregion)
        ModuleProgress.objects.filter(region=region).update(subregion=subregion)
    # After the sub-regions: the check's record and the response copy B's situation.
    b.learner_profile.refresh_from_db()
    impact = learner_bs_check_and_survey(world, b)
    return {
        **world,
        **impact,
        "a": a,
        "b": b,
        "finistere": finistere,
        "admin": admin,
        "language_editor": language_editor,
        "b_attempt": QuizAttempt.objects.get(user=b, module_key=backups.translation_key),
        "b_certificate": Certificate.objects.get(user=b, kind=Certificate.Kind.MODULE),
        "a_certificate": Certificate.objects.get(user=a, kind=Certificate.Kind.MODULE),
    }


def sign_in(client, people, role: str):
    user = {
        "anonymous": None,
        "learner": people["a"],
        "editor": people["editor"],
        "language_editor": people["language_editor"],
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
    check = people["b_check"]
    page = people["check_page"]
    # The feedback on the options B chose: only B's result page shows them.
    chosen_feedback = [
        choice.feedback
        for question_id, chosen in check.answers.items()
        for choice in page.pool.question(question_id).choices
        if choice.id in chosen
    ]
    return [
        b.email,
        "Bénédicte",
        people["b_certificate"].code,
        str(people["b_attempt"].pk),
        str(check.pk),
        f"Score: {check.score}%",
        *chosen_feedback,
        B_SURVEY_TEXT,
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
        (
            "learning:save_position",
            "post",
            reverse("learning:save_position", args=[backups.pk]),
            {"section": next(iter(backups.lesson_sections()), "quiz")},
        ),
        ("learning:attempt", "get", reverse("learning:attempt", args=[people["b_attempt"].pk]), {}),
        (
            "learning:certificate",
            "get",
            reverse("learning:certificate", args=[people["b_certificate"].code]),
            {},
        ),
        (
            "learning:certificate_pdf",
            "get",
            reverse("learning:certificate_pdf", args=[people["b_certificate"].code]),
            {},
        ),
        (
            "learning:certificate_qr",
            "get",
            reverse("learning:certificate_qr", args=[people["b_certificate"].code]),
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
        if name == "learning:save_position":
            # Called by the page's script in the background: a refusal in words, no redirect.
            assert response.status_code == 403
            assert "Sign in" in response.json()["error"]
            continue
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
        assert response.status_code in (200, 302, 400, 403, 404), (name, response.status_code)
        if name in (
            "learning:attempt",
            "learning:certificate",
            "learning:certificate_pdf",
            "learning:certificate_qr",
        ):
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
    # Reading positions are saved for the person signed in, never onto B's records.
    assert not ModuleProgress.objects.filter(user=b).exclude(last_section="").exists()
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


# --- impact: knowledge checks and surveys --------------------------------------


@dataclass
class ImpactRequest:
    name: str
    method: str
    url: str
    data: dict = field(default_factory=dict)
    # What each gets: an anonymous visitor (302: sent to sign in), learner A, and
    # every member of staff (302: sent to fill in a learner profile first).
    visitor: int = 405
    learner: int = 405
    staff: int = 405


def impact_requests(people) -> list[ImpactRequest]:
    """GET and POST on every impact URL, aimed at learner B's check result and B's
    survey; the forms are the ones B sent, with B's tokens."""
    submit_check = reverse("impact:submit_check", args=[people["check_page"].pk, BASELINE])
    check_result = reverse("impact:check_result", args=[people["b_check"].pk])
    submit_survey = reverse("impact:submit_survey", args=[people["survey"].pk])
    thanks = reverse("impact:survey_thanks", args=[people["survey"].pk])
    return [
        # B's token belongs to B's attempt: refused, never recorded for or shown to anyone else.
        ImpactRequest(
            "impact:submit_check", "post", submit_check, people["b_check_form"], 302, 400, 302
        ),
        ImpactRequest("impact:submit_check", "get", submit_check, visitor=302),
        ImpactRequest("impact:check_result", "get", check_result, {}, 302, 404, 404),
        ImpactRequest("impact:check_result", "post", check_result, visitor=302),
        # A signed-in survey: a visitor is told to sign in; B's token is B's alone.
        ImpactRequest(
            "impact:submit_survey", "post", submit_survey, people["b_survey_form"], 403, 400, 400
        ),
        ImpactRequest("impact:submit_survey", "get", submit_survey),
        ImpactRequest("impact:survey_thanks", "get", thanks, {}, 200, 200, 200),
        ImpactRequest("impact:survey_thanks", "post", thanks),
    ]


def bs_impact_rows(people) -> dict:
    """B's check attempts, knowledge record, survey responses and answers, and every table's size."""
    b = people["b"]
    return {
        "attempts": list(CheckAttempt.objects.filter(user=b).order_by("pk").values()),
        "records": list(KnowledgeRecord.objects.filter(user=b).order_by("pk").values()),
        "responses": list(SurveyResponse.objects.filter(user=b).order_by("pk").values()),
        "answers": list(SurveyAnswer.objects.filter(response__user=b).order_by("pk").values()),
        "counts": [
            model.objects.count()
            for model in (CheckAttempt, KnowledgeRecord, SurveyResponse, SurveyAnswer)
        ],
    }


def test_impact_requests_cover_every_impact_url_with_get_and_post(people):
    requests = impact_requests(people)
    for method in ("get", "post"):
        assert {r.name for r in requests if r.method == method} == set(IMPACT_URLS), method


@pytest.mark.parametrize("role", ROLES)
def test_nobody_else_sees_or_changes_learner_bs_checks_and_surveys(client, people, role):
    """Each role and a visitor try B's check result and replay B's check and survey
    forms: sent to sign in or refused in words (4xx), B's score and answers never
    shown, nothing written; a GET on a form's address and a POST on a page are 405."""
    sign_in(client, people, role)
    before = bs_impact_rows(people)
    for request in impact_requests(people):
        response = getattr(client, request.method)(request.url, request.data)
        expected = {"anonymous": request.visitor, "learner": request.learner}.get(
            role, request.staff
        )
        where = (role, request.name, request.method)
        assert response.status_code == expected, (*where, response.status_code)
        text = body(response)
        if expected == 302:
            if role == "anonymous":
                assert_sent_to_login(response, reverse("learning:login"))
            else:
                assert response["Location"].startswith(reverse("learning:profile"))
        elif expected == 403:
            assert "Sign in to answer this survey" in text
        elif expected in (400, 404):
            assert "Reload the page" in text or "no such check result" in text, where
        for marker in b_markers(people):
            if marker not in request.url:
                assert marker not in text, (*where, marker)
    assert bs_impact_rows(people) == before


def test_learner_b_sees_their_own_check_and_survey_answers(client, people):
    """The markers are on B's own pages, so their absence elsewhere means something; and
    the forms replayed above are valid ones: B sending them again is answered as a repeat."""
    client.force_login(people["b"])
    check = people["b_check"]
    assert check.score == 42
    result = body(client.get(reverse("impact:check_result", args=[check.pk])))
    data = body(client.get(reverse("learning:my_data"), {"format": "json"}))
    markers = set(b_markers(people)) - {people["b_certificate"].code, str(people["b_attempt"].pk)}
    assert {m for m in markers if m in result or m in data} == markers
    before = bs_impact_rows(people)
    requests = {(r.name, r.method): r for r in impact_requests(people)}
    again = requests["impact:submit_check", "post"]
    response = client.post(again.url, again.data)
    assert response.status_code == 302
    assert response["Location"] == reverse("impact:check_result", args=[check.pk])
    again = requests["impact:submit_survey", "post"]
    assert client.post(again.url, again.data).status_code == 409
    assert bs_impact_rows(people) == before


# --- statistics ---------------------------------------------------------------


def statistics_urls() -> list[str]:
    urls = [
        reverse("learning_statistics:overview"),
        reverse("learning_statistics:over_time"),
        reverse("learning_statistics:funnel"),
        reverse("learning_statistics:questions"),
    ]
    urls += [reverse("learning_statistics:breakdown", args=[d]) for d in DIMENSION_LABELS]
    urls += [reverse("impact_statistics:gain"), reverse("impact_statistics:surveys")]
    urls += [reverse("impact_statistics:gain_by", args=[d]) for d in GAIN_LABELS]
    return urls


def statistics_queries(people) -> list[dict]:
    brittany = people["brittany"].pk
    module = str(people["phishing"].translation_key)
    queries = [
        {},
        {"region": brittany},
        {"region": brittany, "module": module},
        {"subregion": people["finistere"].pk},
    ]
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
    covered = {get_resolver().resolve(url).view_name for url in statistics_urls()}
    assert covered == set(STATISTICS_URLS)


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
            assert "Finistère" not in text and "FR-29" not in text, (url, query)
    # The region breakdown lists Estonia only, whatever the query string asks.
    rows = csv_table(
        export_text(
            client.get(
                reverse("learning_statistics:breakdown", args=["region"]),
                {"region": people["brittany"].pk, "export": "csv"},
            )
        )
    )
    assert [row["Region"] for row in rows] == ["Estonia"]


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
    text = export_text(
        client.get(reverse("learning_statistics:breakdown", args=["subregion"]), {"export": "csv"})
    )
    assert "Finistère (Brittany)" in text and "Harju County (Estonia)" in text


# --- the Wagtail admin --------------------------------------------------------


def admin_urls(people) -> dict[str, str]:
    return {
        "home": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore_root"),
        "edit_module": reverse("wagtailadmin_pages:edit", args=[people["phishing"].pk]),
        "managers_regions": reverse("wagtailsnippets_learning_managerregions:list"),
        "users": reverse("wagtailusers_users:index"),
        "groups": reverse("wagtailusers_groups:index"),
        "lti_registrations": reverse("lti_registrations:index"),
        "lti_registration_add": reverse("lti_registrations:add"),
        "lti_registration_edit": reverse(
            "lti_registrations:edit", args=[lti_registration(people).pk]
        ),
    }


def lti_registration(people):
    """A platform registered for LTI launches: its keys sign learners in."""
    from lti.models import Registration

    return Registration.objects.get_or_create(
        issuer="https://moodle.example.invalid",
        client_id="client-1",
        defaults={
            "name": "School Moodle",
            "deployment_ids": "1",
            "auth_login_url": "https://moodle.example.invalid/mod/lti/auth.php",
            "auth_token_url": "https://moodle.example.invalid/mod/lti/token.php",
            "key_set_url": "https://moodle.example.invalid/mod/lti/certs.php",
            "region": people["estonia"],
        },
    )[0]


# Which admin pages each role may open; everything else must be refused.
ADMIN_ALLOWED = {
    "learner": set(),
    "editor": {"home", "explorer", "edit_module"},
    "language_editor": {"home", "explorer"},
    "manager": {"home"},
    "coordinator": {"home"},
    "admin": {
        "home",
        "explorer",
        "edit_module",
        "managers_regions",
        "users",
        "groups",
        "lti_registrations",
        "lti_registration_add",
        "lti_registration_edit",
    },
}


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_by_role(client, people, role):
    user = sign_in(client, people, role)
    for key, url in admin_urls(people).items():
        response = client.get(url)
        if role == "anonymous":
            assert_sent_to_login(response, reverse("wagtailadmin_login"))
        elif key == "explorer" and role == "language_editor":
            # Wagtail opens the explorer at the part of the tree they may work on.
            estonian_home = people["home"].get_translation(Locale.objects.get(language_code="et"))
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_explore", args=[estonian_home.pk])
        elif key in ADMIN_ALLOWED[role]:
            assert response.status_code == 200, (role, key)
        else:
            assert response.status_code in (302, 403), (role, key, response.status_code)
            if response.status_code == 302:
                assert response["Location"].split("?")[0] != url
            text = body(response)
            assert "Bénédicte" not in text and people["b"].email not in text
            assert "PRIVATE KEY" not in text
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


@pytest.mark.parametrize("role", ROLES)
def test_only_an_administrator_changes_lti_registrations(client, people, role):
    registration = lti_registration(people)
    sign_in(client, people, role)
    response = client.post(
        reverse("lti_registrations:edit", args=[registration.pk]),
        {
            "name": "Taken over",
            "issuer": registration.issuer,
            "client_id": registration.client_id,
            "deployment_ids": "1",
            "auth_login_url": "https://evil.example/auth",
            "auth_token_url": "https://evil.example/token",
            "key_set_url": "https://evil.example/certs",
            "region": people["estonia"].pk,
            "active": "on",
        },
    )
    edited = type(registration).objects.get(pk=registration.pk)
    deleted = client.post(reverse("lti_registrations:delete", args=[registration.pk]))
    still_there = type(registration).objects.filter(pk=registration.pk).exists()
    if role == "admin":
        assert response.status_code == 302
        assert edited.key_set_url == "https://evil.example/certs"
        assert deleted.status_code == 302
        assert not still_there
    else:
        assert response.status_code in (302, 403)
        assert deleted.status_code in (302, 403)
        assert still_there
        assert edited.name == "School Moodle"
        assert edited.key_set_url.startswith("https://moodle.example.invalid")


# --- wagtail-localize -----------------------------------------------------------

# name -> who may use it; `modules/localize_guard.py` holds the rules. Every one
# is tried below by every role, with GET and POST (and PUT for the editor's API).
LOCALIZE_URLS = {
    "wagtail_localize:javascript_catalog": "everyone in the admin (interface strings)",
    "wagtail_localize:submit_page_translation": "translators, into languages they may add it in",
    "wagtail_localize:submit_snippet_translation": "translators, for translatable snippets (none)",
    "wagtail_localize:update_translations": "translators; their languages; publishing where allowed",
    "wagtail_localize:edit_string_translation": "editors of the translation's page",
    "wagtail_localize:edit_override": "editors of the translation's page",
    "wagtail_localize:download_pofile": "editors of the translation's page",
    "wagtail_localize:upload_pofile": "editors of the translation's page",
    "wagtail_localize:machine_translate": "editors of the translation's page",
    "wagtail_localize:preview_translation": "editors of the translation's page",
    "wagtail_localize:stop_translation": "editors of the translation's page",
    "wagtail_localize:convert_to_alias": "editors who may also publish the page",
    "wagtail_localize:translations_report": "readers of Reports → Translations (redirected there)",
    "wagtail_localize:translations_report_results": "readers of Reports → Translations",
    "wagtail_localize:snippets_api_listing": "nobody: no translatable snippet model exists",
    "wagtail_localize:snippets_api_detail": "nobody: no translatable snippet model exists",
}

ADMIN_USERS = set(STAFF_ROLES)
TRANSLATORS = {"editor", "language_editor", "admin"}  # hold `submit_translation`
ESTONIAN_EDITORS = {"editor", "language_editor", "admin"}
FRENCH_EDITORS = {"editor", "admin"}
FRENCH_PUBLISHERS = {"admin"}
PUBLISHES_IN = {"editor": set(), "language_editor": {"et"}, "admin": {"et", "fr", "en"}}


def test_every_wagtail_localize_url_is_in_the_matrix():
    found = named_urls({"wagtail_localize"})
    unclassified = found - set(LOCALIZE_URLS)
    assert not unclassified, f"Add these URLs to the authorisation matrix: {sorted(unclassified)}"
    assert not set(LOCALIZE_URLS) - found, "The matrix lists URLs that no longer exist."


@pytest.fixture
def localized(people):
    """Home and module index in Estonian and French too; "Phishing" translated into
    both (synced translations), "Backups" into neither."""
    translate_page(people["home"], "fr")
    for code in ("et", "fr"):
        translate_page(people["index"], code)
    phishing = people["phishing"]
    versions = {code: translate_page(phishing, code) for code in ("et", "fr")}
    source = TranslationSource.objects.get(object_id=phishing.translation_key)
    translations = {
        t.target_locale.language_code: t
        for t in Translation.objects.filter(source=source).select_related("target_locale")
    }
    return {**people, "versions": versions, "source": source, "translations": translations}


@dataclass
class LocalizeRequest:
    name: str
    method: str
    url: str
    data: dict
    allowed: set[str]  # roles for which the action goes ahead
    ok: tuple[int, ...]  # what it then answers (404 for something nobody may read)


def localize_requests(people) -> list[LocalizeRequest]:
    french, estonian = people["translations"]["fr"], people["translations"]["et"]
    locale = {code: Locale.objects.get(language_code=code).pk for code in ("et", "fr")}
    segment = StringSegment.objects.filter(source=french.source).order_by("order").first()
    po_file = polib.POFile()
    po_file.metadata = {"X-WagtailLocalize-TranslationID": str(french.uuid)}
    po_file.append(polib.POEntry(msgid=segment.string.data, msgstr="Le titre", msgctxt="title"))

    def url(name, *args):
        return reverse(f"wagtail_localize:{name}", args=args)

    def on_french(name, *args):
        return url(name, french.pk, *args)

    def both(name, address, allowed, get_ok, post_ok, post_data=None):
        return [
            LocalizeRequest(name, "get", address, {}, allowed, get_ok),
            LocalizeRequest(name, "post", address, post_data or {}, allowed, post_ok),
        ]

    submit = url("submit_page_translation", people["backups"].pk)
    region = url("submit_snippet_translation", "modules", "region", people["estonia"].pk)
    sync = url("update_translations", people["source"].pk)
    strings = on_french("edit_string_translation", segment.pk)
    assert not OverridableSegment.objects.filter(source=french.source).exists()
    override = on_french("edit_override", 999_999)  # module pages have no overridable segment
    snippets = ("learning", "managerregions")
    return [
        *both("javascript_catalog", url("javascript_catalog"), ADMIN_USERS, (200,), (405,)),
        # No language chosen: the form again, with what to correct.
        *both("submit_page_translation", submit, TRANSLATORS, (200,), (400,)),
        LocalizeRequest(
            "submit_page_translation",
            "post",
            submit,
            {"locales": [locale["fr"]]},
            FRENCH_EDITORS,
            (302,),
        ),
        LocalizeRequest(
            "submit_page_translation",
            "post",
            submit,
            {"locales": [locale["et"]]},
            TRANSLATORS,
            (302,),
        ),
        *both("submit_snippet_translation", region, TRANSLATORS, (404,), (404,)),
        *both(
            "update_translations", sync, TRANSLATORS, (200,), (302,), {"publish_translations": "on"}
        ),
        *both("edit_string_translation", strings, FRENCH_EDITORS, (405,), (405,)),
        LocalizeRequest(
            "edit_string_translation",
            "put",
            strings,
            {"value": "Le titre"},
            FRENCH_EDITORS,
            (200, 201),
        ),
        LocalizeRequest(
            "edit_string_translation",
            "put",
            url("edit_string_translation", estonian.pk, segment.pk),
            {"value": "Pealkiri"},
            ESTONIAN_EDITORS,
            (200, 201),
        ),
        *both("edit_override", override, FRENCH_EDITORS, (405,), (405,)),
        LocalizeRequest("edit_override", "put", override, {"value": "x"}, FRENCH_EDITORS, (404,)),
        *both("download_pofile", on_french("download_pofile"), FRENCH_EDITORS, (200,), (200,)),
        *both(
            "upload_pofile",
            on_french("upload_pofile"),
            FRENCH_EDITORS,
            (405,),
            (302,),
            {"file": SimpleUploadedFile("fr.po", str(po_file).encode())},
        ),
        *both("machine_translate", on_french("machine_translate"), FRENCH_EDITORS, (405,), (302,)),
        *both(
            "preview_translation", on_french("preview_translation"), FRENCH_EDITORS, (200,), (200,)
        ),
        *both(  # module pages have only the default preview mode, whose URL is the other
            "preview_translation",
            on_french("preview_translation", "default"),
            FRENCH_EDITORS,
            (404,),
            (404,),
        ),
        *both("translations_report", url("translations_report"), TRANSLATORS, (302,), (302,)),
        *both(
            "translations_report_results",
            url("translations_report_results"),
            TRANSLATORS,
            (302,),
            (302,),
        ),
        *both(
            "snippets_api_listing",
            url("snippets_api_listing", *snippets),
            ADMIN_USERS,
            (404,),
            (404,),
        ),
        *both(
            "snippets_api_detail",
            url("snippets_api_detail", *snippets, 1),
            ADMIN_USERS,
            (404,),
            (404,),
        ),
        # Last: these change what the requests above work on.
        *both("stop_translation", on_french("stop_translation"), FRENCH_EDITORS, (405,), (302,)),
        *both(
            "convert_to_alias",
            url("convert_to_alias", people["versions"]["fr"].pk),
            FRENCH_PUBLISHERS,
            (200,),
            (302,),
        ),
    ]


def localize_request(client, request: LocalizeRequest):
    return localize_state.send(client, request.method, request.url, request.data)


def test_localize_requests_cover_every_url_with_get_and_post(localized):
    requests = localize_requests(localized)
    for method in ("get", "post"):
        covered = {f"wagtail_localize:{r.name}" for r in requests if r.method == method}
        assert covered == set(LOCALIZE_URLS), method


@pytest.mark.parametrize("role", ROLES)
def test_wagtail_localize_urls_by_role(client, localized, role):
    """Each role only acts where its page permissions reach, in each language;
    refused requests write nothing (revisions, pages, translations, strings)."""
    sign_in(client, localized, role)
    for request in localize_requests(localized):
        before = localize_state.written_state()
        response = run_on_commit(localize_request, client, request)
        after = localize_state.written_state()
        where = (role, request.name, request.method, request.data)
        if role in request.allowed:
            assert response.status_code in request.ok, (*where, response.status_code)
            assert localize_state.published_languages(before, after) <= PUBLISHES_IN.get(
                role, set()
            ), where
            if role == "language_editor":
                assert localize_state.changed_languages(before, after) <= {"et"}, where
        else:
            if role in ("anonymous", "learner"):
                assert_sent_to_login(response, reverse("wagtailadmin_login"))
            else:
                assert response.status_code == 403, (*where, response.status_code)
            assert after == before, where


def test_a_language_editor_syncing_writes_estonian_revisions_only(client, localized):
    """The hole this matrix closes: syncing published every language as editor.et."""
    sign_in(client, localized, "language_editor")
    before = localize_state.revisions_by_locale()
    url = reverse("wagtail_localize:update_translations", args=[localized["source"].pk])
    response = run_on_commit(client.post, url, {"publish_translations": "on"})
    assert response.status_code == 302
    written = localize_state.revisions_by_locale() - before
    assert dict(written) == {("et", "editor.et"): 1}
    french = localized["versions"]["fr"]
    french.refresh_from_db()
    assert french.live_revision.user is None  # still the revision published before
