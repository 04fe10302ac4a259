"""The whole learner journey in Estonian, as the browser would drive it (no JavaScript)."""

import re

from django.urls import reverse
from django.utils import translation

from learning.models import Certificate
from tests.factories import RegionFactory, answers_for, make_module, make_programme, translate_page


def form_token(html: str) -> str:
    return re.search(r'name="attempt_token" value="([0-9a-f-]{36})"', html).group(1)


def test_sign_up_fail_pass_and_verify_the_certificate_in_estonian(client, site_pages, water):
    home, index = site_pages
    region = RegionFactory()
    module = make_module(index, "Phishing at the utility", sectors=[water], attempt_limit=3)
    make_programme(home, [module])
    estonian = translate_page(module, "et")

    # A visitor reads the module and is sent to sign up to take the quiz.
    html = client.get(estonian.url).content.decode()
    assert '<html lang="et">' in html
    with translation.override("et"):
        signup = reverse("learning:signup")
    assert f'href="{signup}?next={estonian.url}#quiz"' in html

    response = client.post(
        f"{signup}?next={estonian.url}%23quiz",
        {
            "email": "kadri@example.ee",
            "password": "vesi-on-elu-2026",
            "full_name": "Kadri Kask",
            "region": region.pk,
            "sector": water.pk,
            "organisation_size": "medium",
            "preferred_language": "et",
            "statistics_consent": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{estonian.url}#quiz"

    # Back on the quiz, now enabled; a first try fails.
    html = client.get(estonian.url).content.decode()
    response = client.post(
        reverse("learning:submit_quiz", args=[estonian.pk]),
        {**answers_for(estonian, right=False), "attempt_token": form_token(html)},
    )
    result = client.get(response["Location"]).content.decode()
    assert '<html lang="et">' in result
    assert "0%" in result

    # The second try passes and completes the module.
    html = client.get(estonian.url).content.decode()
    response = client.post(
        reverse("learning:submit_quiz", args=[estonian.pk]),
        {**answers_for(estonian, right=True), "attempt_token": form_token(html)},
    )
    assert "100%" in client.get(response["Location"]).content.decode()

    with translation.override("et"):
        dashboard_url = reverse("learning:dashboard")
    dashboard = client.get(dashboard_url).content.decode()
    completed = dashboard.split('id="completed-heading"')[1].split("</section>")[0]
    assert estonian.title in completed and "100%" in completed

    certificate = Certificate.objects.get(kind="module")
    assert certificate.language == "et"
    page = client.get(reverse("learning:certificate", args=[certificate.code])).content.decode()
    assert "Kadri Kask" in page and certificate.code in page and estonian.title in page

    # Anyone can verify the code; the learner's name is not shown.
    client.post(reverse("learning:logout"))
    verify = client.get(reverse("learning:verify"), {"code": certificate.code.lower()})
    assert verify.status_code == 302
    genuine = client.get(verify["Location"])
    assert genuine.status_code == 200
    html = genuine.content.decode()
    assert estonian.title in html
    assert "Kadri" not in html and "kadri@example.ee" not in html


def test_unknown_certificate_codes_are_reported_not_found(client, db):
    response = client.get(reverse("learning:verify_code", args=["AAAA-BBBB-CCCC"]))
    assert response.status_code == 404
    assert "No certificate has the code AAAA-BBBB-CCCC." in response.content.decode()
    assert client.get(reverse("learning:verify")).status_code == 200


def test_a_certificate_page_is_only_for_its_holder(client, learner, module, submit, water):
    from tests.factories import make_learner

    submit(module, answers_for(module))
    code = Certificate.objects.get(user=learner).code
    other = make_learner("jaan@example.com", sector=water)
    client.force_login(other)
    assert client.get(reverse("learning:certificate", args=[code])).status_code == 404


def test_my_learning_lists_progress_programmes_and_suggestions(
    learner_client, learner, site_pages, water, submit
):
    home, index = site_pages
    done = make_module(index, "Phishing", sectors=[water])
    started = make_module(index, "Backups", sectors=[water])
    make_module(index, "OT hygiene", sectors=[water])
    make_module(index, "Retail card fraud")  # not for the learner's sector
    make_programme(home, [done, started], title="Water programme")
    submit(done, answers_for(done))
    learner_client.get(started.url)

    html = learner_client.get(reverse("learning:dashboard")).content.decode()
    sections = {
        name: html.split(f'id="{name}-heading"')[1].split("</section>")[0]
        for name in ("programmes", "in-progress", "completed", "suggestions")
    }
    assert "Water programme" in sections["programmes"]
    assert '<progress max="2" value="1"' in sections["programmes"]
    assert "Backups" in sections["in-progress"] and "Phishing" not in sections["in-progress"]
    assert "Phishing" in sections["completed"] and "100%" in sections["completed"]
    assert "OT hygiene" in sections["suggestions"]
    assert "Retail card fraud" not in sections["suggestions"]
    assert "Backups" not in sections["suggestions"]


def test_my_learning_has_helpful_empty_states(learner_client, site_pages):
    html = learner_client.get(reverse("learning:dashboard")).content.decode()
    assert "Nothing in progress." in html
    assert "You have not completed a module yet." in html


def test_my_learning_follows_what_is_published(learner_client, site_pages, water, submit):
    """Its modules, programmes and suggestions come from the shared cache until the next publish."""
    home, index = site_pages
    started = make_module(index, "Backups", sectors=[water])
    suggested = make_module(index, "OT hygiene", sectors=[water])
    learner_client.get(started.url)
    url = reverse("learning:dashboard")
    before = learner_client.get(url).content.decode()
    assert "OT hygiene" in before and "Water programme" not in before

    started.title = "Backups that restore"
    started.save_revision().publish()
    suggested.unpublish()
    make_programme(home, [started], title="Water programme")
    html = learner_client.get(url).content.decode()
    assert "Backups that restore" in html
    assert "OT hygiene" not in html
    programmes = html.split('id="programmes-heading"')[1].split("</section>")[0]
    assert "Water programme" in programmes and '<progress max="1" value="0"' in programmes
