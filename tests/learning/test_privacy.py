"""Learners can take their data away and erase their account; statistics do not change."""

import json

from django.contrib.auth import get_user_model
from django.urls import reverse

from learning.models import Certificate, LearnerProfile, ModuleProgress, QuizAttempt
from tests.factories import answers_for, make_learner


def test_a_learner_downloads_everything_held_about_them(learner_client, learner, module, submit):
    submit(module, answers_for(module, right=False))
    submit(module, answers_for(module))
    page = learner_client.get(reverse("learning:my_data")).content.decode()
    assert "mari@example.com" in page and "Mari Maasikas" in page
    response = learner_client.get(reverse("learning:my_data"), {"format": "json"})
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "mari@example.com"
    assert data["profile"]["name_on_certificates"] == "Mari Maasikas"
    assert [a["passed"] for a in data["quiz_attempts"]] == [False, True]
    assert data["quiz_attempts"][1]["answers"]
    assert data["modules"][0]["best_score"] == 100
    assert len(data["certificates"]) == 1


def test_someone_elses_data_is_never_included(client, learner, module, submit, water):
    submit(module, answers_for(module))
    other = make_learner("jaan@example.com", sector=water)
    client.force_login(other)
    data = json.loads(client.get(reverse("learning:my_data"), {"format": "json"}).content)
    assert data["account"]["email"] == "jaan@example.com"
    assert data["quiz_attempts"] == [] and data["certificates"] == []


def test_deleting_the_account_keeps_anonymous_records(learner_client, learner, module, submit):
    submit(module, answers_for(module))
    code = Certificate.objects.get(user=learner).code
    url = reverse("learning:delete_account")
    wrong = learner_client.post(url, {"password": "not-it"})
    assert wrong.status_code == 400
    assert get_user_model().objects.filter(pk=learner.pk).exists()

    response = learner_client.post(url, {"password": "pw-Secret-123"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    assert not LearnerProfile.objects.exists()
    progress = ModuleProgress.objects.get()
    assert progress.user is None and progress.is_completed and progress.region_id is not None
    assert QuizAttempt.objects.get().user is None
    certificate = Certificate.objects.get(code=code)
    assert certificate.user is None and certificate.learner_name == ""
    # Signed out, and the account is gone for good.
    assert learner_client.get(reverse("learning:dashboard")).status_code == 302
    assert not learner_client.login(username="mari@example.com", password="pw-Secret-123")


def test_purge_inactive_is_a_dry_run_unless_applied(db, water):
    import datetime
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    old = make_learner("old@example.com", sector=water)
    get_user_model().objects.filter(pk=old.pk).update(
        last_login=timezone.now() - datetime.timedelta(days=800)
    )
    recent = make_learner("recent@example.com", sector=water)
    get_user_model().objects.filter(pk=recent.pk).update(last_login=timezone.now())
    staff = get_user_model().objects.create_user("staff", "staff@example.com", "pw", is_staff=True)
    get_user_model().objects.filter(pk=staff.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=900)
    )

    out = StringIO()
    call_command("purge_inactive", "--older-than", "730", stdout=out)
    assert "1 learner(s)" in out.getvalue()
    assert get_user_model().objects.filter(email="old@example.com").exists()

    call_command("purge_inactive", "--older-than", "730", "--apply", stdout=StringIO())
    remaining = set(get_user_model().objects.values_list("email", flat=True))
    assert remaining == {"recent@example.com", "staff@example.com"}


def test_region_and_sector_are_named_in_the_pages_language(learner_client, learner):
    """An Estonian learner reads "Eesti" and "Vesi", on the page and in the download."""
    profile = learner.learner_profile
    profile.region.names = {"et": "Eesti"}
    profile.region.save()
    profile.sector.names = {"et": "Vesi"}
    profile.sector.save()
    page = learner_client.get("/et/accounts/my-data/").content.decode()
    assert "<dd>Eesti</dd>" in page and "<dd>Vesi</dd>" in page
    data = json.loads(learner_client.get("/et/accounts/my-data/", {"format": "json"}).content)
    assert (data["profile"]["region"], data["profile"]["sector"]) == ("Eesti", "Vesi")
    english = json.loads(learner_client.get("/en/accounts/my-data/", {"format": "json"}).content)
    assert english["profile"]["region"] == profile.region.name
