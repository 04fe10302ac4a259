"""Editors see the modules learners often fail at the first try, without any learner showing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from learning.editor_panels import struggling_modules
from modules.permissions import ensure_language_editor_group
from tests.factories import make_learner, make_module, record_attempt, translate_page

DASHBOARD = "/admin/"


@pytest.fixture(autouse=True)
def small_groups(settings):
    settings.EDITOR_PASS_RATE_MIN_TRIES = 3
    settings.EDITOR_LOW_PASS_RATE = 60


def first_attempts(module, results, *, language="en", prefix="", consent=True):
    for number, passed in enumerate(results):
        learner = make_learner(
            f"{prefix}{module.slug}.{language}{number}@example.com",
            language=language,
            consent=consent,
        )
        record_attempt(learner, module, passed=passed, language=language)


def test_a_module_most_learners_fail_first_is_listed_with_its_rate_and_questions(
    admin_client, site_pages
):
    _home, index = site_pages
    hard = make_module(index, "Hard module")
    easy = make_module(index, "Easy module")
    first_attempts(hard, [False, False, True])
    first_attempts(easy, [True, True, False])

    html = admin_client.get(DASHBOARD).content.decode()
    start = html.index('id="editor-struggling-modules')
    section = html[start : html.index("</section>", start)]
    assert "Hard module" in section
    assert "33%" in section
    assert "Easy module" not in section  # 67 % is above the bar
    questions = reverse("learning_statistics:questions") + f"?module={hard.translation_key}"
    assert questions in section


def test_a_language_with_too_few_first_attempts_is_not_counted(site_pages):
    _home, index = site_pages
    module = make_module(index, "Hard module")
    first_attempts(module, [False, False, False])
    first_attempts(module, [False, False], language="et")
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw")
    estonian = module.get_translation(module.locale.__class__.objects.get(language_code="et"))
    editor = get_user_model().objects.create_user("editor.et", "editor.et@example.com", "pw")
    editor.groups.add(ensure_language_editor_group("et", estonian.get_parent().get_parent()))

    # Two Estonian first attempts are fewer than three: the Estonian editor sees nothing,
    # and the editor of every language sees the English group only.
    assert struggling_modules(editor) == []
    [row] = struggling_modules(admin)
    assert row.pass_rate == 0

    first_attempts(module, [True], language="et", prefix="more")
    [row] = struggling_modules(editor)
    assert (row.page.pk, row.pass_rate) == (estonian.pk, 33)
    assert row.questions_url == ""  # the editor may not see statistics
    [row] = struggling_modules(admin)
    assert row.pass_rate == 17  # 1 of 6 over both languages


def test_learners_who_did_not_consent_are_not_counted(site_pages):
    _home, index = site_pages
    module = make_module(index, "Hard module")
    first_attempts(module, [False, False, False], consent=False)
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw")
    assert struggling_modules(admin) == []


def test_the_panel_says_when_no_module_is_struggling(admin_client, site_pages):
    _home, index = site_pages
    module = make_module(index, "Easy module")
    translate_page(module, "et")
    first_attempts(module, [True, True, True])
    html = admin_client.get(DASHBOARD).content.decode()
    assert "No module you edit has a low first-attempt pass rate." in html
