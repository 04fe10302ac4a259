"""Where a learner stopped reading: remembered on the server, offered as "Continue"."""

import pytest
from django.urls import reverse

from learning.models import ModuleProgress
from tests.factories import answers_for, make_module, make_programme, translate_page, uid


def lesson_with_sections(*titles: str) -> list[dict]:
    body = []
    for title in titles:
        body.append({"type": "heading", "id": uid(), "value": title})
        body.append({"type": "paragraph", "id": uid(), "value": f"<p>About {title}.</p>"})
    return body


@pytest.fixture
def three_sections(site_pages, water):
    _home, index = site_pages
    return make_module(
        index,
        "Passwords at the plant",
        sectors=[water],
        body=lesson_with_sections("Why passwords fail", "Pass phrases", "Password managers"),
    )


def section_id(module, title: str) -> str:
    return next(key for key, text in module.lesson_sections().items() if text == title)


def save(client, module, section: str):
    return client.post(reverse("learning:save_position", args=[module.pk]), {"section": section})


def test_the_module_page_lists_its_sections_and_leads_to_the_quiz(client, three_sections):
    page = client.get(three_sections.url).content.decode()
    contents = page.split('class="lesson-contents"')[1].split("</nav>")[0]
    for title in ("Why passwords fail", "Pass phrases", "Password managers"):
        anchor = f'href="#section-{section_id(three_sections, title)}">{title}</a>'
        assert anchor in contents
        # Each link leads to a heading that exists on the page.
        assert f'id="section-{section_id(three_sections, title)}"' in page
    assert 'href="#quiz">Quiz</a>' in contents
    assert "Go to the quiz" in page


def test_a_learner_who_stopped_midway_is_offered_to_continue_there(
    learner_client, learner, three_sections
):
    learner_client.get(three_sections.url)
    phrases = section_id(three_sections, "Pass phrases")
    response = save(learner_client, three_sections, phrases)
    assert response.status_code == 200
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.last_section == phrases
    assert progress.last_section_at is not None

    page = learner_client.get(three_sections.url).content.decode()
    assert page.count("Continue where you left off") == 1
    assert page.count("data-reading-position") == 1
    assert "You stopped at “Pass phrases”." in page
    assert f'href="#section-{phrases}"' in page

    dashboard = learner_client.get(reverse("learning:dashboard")).content.decode()
    banner = dashboard.split('class="notification-banner"')[1].split("</div>\n</div>")[0]
    assert "Passwords at the plant" in banner
    assert f'href="{three_sections.url}#section-{phrases}"' in banner

    home = learner_client.get("/en/").content.decode()
    assert f'href="{three_sections.url}#section-{phrases}"' in home


def test_continue_leads_to_the_module_last_read(learner_client, site_pages, water, three_sections):
    _home, index = site_pages
    other = make_module(index, "Backups", sectors=[water])
    learner_client.get(three_sections.url)
    learner_client.get(other.url)
    save(learner_client, other, "quiz")
    save(learner_client, three_sections, section_id(three_sections, "Password managers"))
    dashboard = learner_client.get(reverse("learning:dashboard")).content.decode()
    banner = dashboard.split('class="notification-banner"')[1].split("</div>\n</div>")[0]
    assert "Passwords at the plant" in banner
    assert "Backups" not in banner

    save(learner_client, other, "quiz")
    home = learner_client.get("/en/").content.decode()
    banner = home.split('class="notification-banner"')[1].split("</div>\n</div>")[0]
    assert "Backups" in banner
    assert "You had reached the quiz." in banner
    assert f'href="{other.url}#quiz"' in banner


def test_the_place_holds_across_languages(learner_client, learner, three_sections):
    estonian = translate_page(three_sections, "et")
    learner_client.get(three_sections.url)
    phrases = section_id(three_sections, "Pass phrases")
    save(learner_client, three_sections, phrases)
    page = learner_client.get(estonian.url).content.decode()
    # The Estonian lesson has the same heading ids: "Continue" leads to the same section.
    assert f'href="#section-{phrases}"' in page
    assert f'id="section-{phrases}"' in page
    dashboard = learner_client.get("/et/learn/", follow=True).content.decode()
    assert f"{estonian.url}#section-{phrases}" in dashboard


def test_finished_modules_are_not_offered_to_continue(learner_client, three_sections, submit):
    learner_client.get(three_sections.url)
    save(learner_client, three_sections, section_id(three_sections, "Pass phrases"))
    submit(three_sections, answers_for(three_sections))
    assert (
        "Continue where you left off" not in learner_client.get(three_sections.url).content.decode()
    )
    assert (
        "Continue where you left off"
        not in learner_client.get(reverse("learning:dashboard")).content.decode()
    )


def test_a_removed_heading_leads_to_the_start_of_the_lesson(
    learner_client, learner, three_sections
):
    learner_client.get(three_sections.url)
    save(learner_client, three_sections, section_id(three_sections, "Pass phrases"))
    three_sections.body = lesson_with_sections("A rewritten lesson")
    three_sections.save_revision().publish()
    page = learner_client.get(three_sections.url).content.decode()
    assert "Continue where you left off" not in page
    dashboard = learner_client.get(reverse("learning:dashboard")).content.decode()
    assert "You have started this module." in dashboard
    assert f'href="{three_sections.url}"' in dashboard


@pytest.mark.parametrize(
    ("section", "status", "message"),
    [
        ("", 400, "Say which section"),
        ("not-a-heading", 400, "not part of the module"),
        ("x" * 65, 400, "Say which section"),
    ],
)
def test_a_bad_position_is_refused_in_words_and_changes_nothing(
    learner_client, learner, three_sections, section, status, message
):
    learner_client.get(three_sections.url)
    response = save(learner_client, three_sections, section)
    assert response.status_code == status
    assert message in response.json()["error"]
    assert ModuleProgress.objects.get(user=learner).last_section == ""


def test_another_modules_heading_is_refused(
    learner_client, learner, site_pages, water, three_sections
):
    _home, index = site_pages
    other = make_module(index, "Backups", sectors=[water])
    learner_client.get(other.url)
    response = save(learner_client, other, section_id(three_sections, "Pass phrases"))
    assert response.status_code == 400
    assert ModuleProgress.objects.get(user=learner).last_section == ""


def test_only_signed_in_learners_with_a_profile_are_remembered(
    client, django_user_model, three_sections
):
    phrases = section_id(three_sections, "Pass phrases")
    response = save(client, three_sections, phrases)
    assert response.status_code == 403
    assert "Sign in" in response.json()["error"]
    # The anonymous page offers nothing to save to.
    assert "data-reading-position" not in client.get(three_sections.url).content.decode()

    no_profile = django_user_model.objects.create_user("visitor", password="pw-long-enough-1")
    client.force_login(no_profile)
    assert save(client, three_sections, phrases).status_code == 403
    assert not ModuleProgress.objects.exists()


def test_unpublished_and_unknown_modules_are_404(learner_client, three_sections):
    phrases = section_id(three_sections, "Pass phrases")
    three_sections.unpublish()
    assert save(learner_client, three_sections, phrases).status_code == 404
    response = learner_client.post(
        reverse("learning:save_position", args=[999999]), {"section": phrases}
    )
    assert response.status_code == 404
    assert (
        learner_client.get(reverse("learning:save_position", args=[three_sections.pk])).status_code
        == 405
    )


def test_the_programme_page_offers_the_next_module(learner_client, site_pages, water, submit):
    home, index = site_pages
    first = make_module(index, "First steps", sectors=[water])
    second = make_module(
        index, "Second steps", sectors=[water], body=lesson_with_sections("One", "Two")
    )
    third = make_module(index, "Third steps", sectors=[water])
    programme = make_programme(home, [first, second, third])
    page = learner_client.get(programme.url).content.decode()
    assert f'href="{first.url}">Start “First steps”</a>' in page

    submit(first, answers_for(first))
    learner_client.get(third.url)
    page = learner_client.get(programme.url).content.decode()
    # A module already begun comes before one not yet started.
    assert f'href="{third.url}">Continue “Third steps”</a>' in page

    learner_client.get(second.url)
    two = section_id(second, "Two")
    save(learner_client, second, two)
    page = learner_client.get(programme.url).content.decode()
    assert f'href="{second.url}#section-{two}">Continue “Second steps”</a>' in page


def test_my_data_includes_the_reading_place(learner_client, three_sections):
    learner_client.get(three_sections.url)
    phrases = section_id(three_sections, "Pass phrases")
    save(learner_client, three_sections, phrases)
    data = learner_client.get(reverse("learning:my_data") + "?format=json")
    rows = data.json()["modules"]
    assert rows[0]["stopped_reading_at_section"] == phrases
