"""`manage.py seed_demo` builds the demo in seven languages, and a second run changes nothing."""

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from demo import content
from impact.models import CheckAttempt, KnowledgeRecord, SurveyAnswer, SurveyResponse
from learning.models import Certificate, QuizAttempt
from modules.editor_home import drafts_of, modules_with_gaps
from modules.models import KnowledgeCheckPage, ModulePage, ProgrammePage, SurveyPage


def snapshot_counts() -> dict[str, int]:
    labels = (
        "wagtailcore",
        "modules",
        "home",
        "learning",
        "wagtail_localize",
        "auth",
        "taggit",
        "lti",
        "impact",
    )
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in labels
    }


# Real commits: wagtail-localize publishes translations when their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_seed_demo_builds_the_demo_and_is_idempotent(client):
    call_command("seed_demo", verbosity=0)
    first = snapshot_counts()
    call_command("seed_demo", verbosity=0)
    assert snapshot_counts() == first

    # The page tree is consistent (every parent knows its children).
    assert all(not problems for problems in Page.find_problems())

    # The editor's dashboard has work in progress to show: a module without a quiz or sectors.
    editor = get_user_model().objects.get(username="editor")
    assert [page.title for page in drafts_of(editor)] == ["USB sticks and removable media"]
    [gap] = modules_with_gaps(editor)
    assert gap.without_quiz and gap.without_sector and not gap.page.live

    # The Estonian water programme and its modules are live at /et/.
    home = client.get("/et/")
    assert home.status_code == 200
    html = home.content.decode()
    assert '<html lang="et">' in html
    water = content.programmes()[0]
    assert content.translated_text("et", water["slug"], "title") in html
    programme = ProgrammePage.objects.get(slug=water["slug"], locale__language_code="et")
    response = client.get(programme.url)
    assert response.status_code == 200
    for slug in water["modules"]:
        module = ModulePage.objects.get(slug=slug, locale__language_code="et")
        assert module.title in response.content.decode()
        assert client.get(module.url).status_code == 200

    # Translations are linked to their source with the same question identities.
    for module in content.modules():
        versions = ModulePage.objects.filter(slug=module["slug"]).select_related("locale")
        assert {v.locale.language_code for v in versions} == set(content.languages(module["slug"]))
        assert len({v.translation_key for v in versions}) == 1
        identities = {
            tuple(
                (q.id, tuple((c.id, c.is_correct) for c in q.choices))
                for q in v.quiz_definition.questions
            )
            for v in versions
        }
        assert len(identities) == 1
    general = ModulePage.objects.filter(slug="strong-passwords-and-mfa")
    assert general.count() == 7

    for username in ("admin", "editor", "manager.ee", "coordinator", "learner@example.com"):
        assert authenticate(username=username, password="cyberaware-demo") is not None

    # The demo learner failed the phishing module once, then passed it.
    attempts = QuizAttempt.objects.filter(user__username="learner@example.com").order_by("number")
    assert [a.passed for a in attempts] == [False, True]
    assert Certificate.objects.filter(user__username="learner@example.com").count() == 1

    # Certificates name their issuer: the water programme its own agency, in each
    # language; the demo learner's module certificate her region's agency, in Estonian.
    assert programme.issuing_agency == "Riigi Infosüsteemi Amet"
    assert programme.agency_logo is not None
    learner = get_user_model().objects.get(username="learner@example.com")
    client.force_login(learner)
    certificate = Certificate.objects.get(user=learner)
    page = client.get(reverse("learning:certificate", args=[certificate.code])).content.decode()
    assert "Eesti VKE küberprogrammi büroo" in page
    assert "certificate__logo" in page

    # A demo Moodle in Estonia is registered for LTI launches; its admin page
    # shows what to paste into Moodle.
    from lti.models import Registration

    moodle = Registration.objects.get(issuer="https://moodle.example.invalid")
    assert moodle.region.code == "EE"
    client.force_login(get_user_model().objects.get(username="admin"))
    page = client.get(reverse("lti_registrations:edit", args=[moodle.pk])).content.decode()
    assert "http://testserver/lti/login/" in page and "BEGIN PUBLIC KEY" in page

    # The water programme's knowledge check and survey, and the anonymous survey, are
    # live in every language with the same question ids.
    languages = {code for code, _name in settings.LANGUAGES}
    for model, slug in (
        (KnowledgeCheckPage, "knowledge-check"),
        (SurveyPage, "water-awareness-survey"),
        (SurveyPage, "cyber-awareness-survey"),
    ):
        versions = model.objects.live().filter(slug=slug).select_related("locale")
        assert {v.locale.language_code for v in versions} == languages, slug
        ids = {
            tuple(q.id for q in (v.pool if model is KnowledgeCheckPage else v.survey).questions)
            for v in versions
        }
        assert len(ids) == 1, slug
    check = KnowledgeCheckPage.objects.get(slug="knowledge-check", locale__language_code="et")
    assert check.get_parent().specific == programme
    assert (check.questions_per_check, check.retention_weeks, len(check.pool.questions)) == (
        8,
        12,
        12,
    )
    assert check.title == "Teadmiste kontroll"

    # The demo learner took the baseline check; her final check waits for her modules.
    [record] = KnowledgeRecord.objects.filter(user=learner)
    assert record.baseline_score is not None and record.final_score is None
    assert [a.occasion for a in CheckAttempt.objects.filter(user=learner)] == ["baseline"]
    # Estonian learners with both checks are above the suppression threshold; other
    # regions have fewer.
    both = KnowledgeRecord.objects.filter(
        counts_in_statistics=True, baseline_score__isnull=False, final_score__isnull=False
    )
    assert both.filter(region__code="EE").count() >= 3 * settings.STATISTICS_MIN_CELL_SIZE
    assert both.filter(retention_score__isnull=False, region__code="EE").count() >= (
        settings.STATISTICS_MIN_CELL_SIZE
    )
    assert both.exclude(region__code="EE").exists()
    # Survey responses: signed in after the programme, anonymous on their own.
    water_survey = SurveyPage.objects.get(slug="water-awareness-survey", locale__language_code="en")
    signed_in = SurveyResponse.objects.filter(survey_key=water_survey.translation_key)
    assert signed_in.filter(region__code="EE", counts_in_statistics=True).count() >= (
        2 * settings.STATISTICS_MIN_CELL_SIZE
    )
    assert not signed_in.filter(user__isnull=True).exists()
    anonymous = SurveyResponse.objects.filter(user__isnull=True)
    assert anonymous.filter(region__code="SK-KI").count() >= 2 * settings.STATISTICS_MIN_CELL_SIZE
    assert SurveyAnswer.objects.filter(response__in=anonymous).exclude(text="").exists()
