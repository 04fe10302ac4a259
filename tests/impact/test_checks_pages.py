"""The check page, the result page and the programme page's check panel, as readers see them."""

from __future__ import annotations

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from impact.models import CheckAttempt
from tests.factories import (
    KnowledgeCheckPageFactory,
    check_pool,
    make_module,
    make_programme,
    record_attempt,
    translate_page,
)
from tests.impact.conftest import answers_to


def t(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


def text(response) -> str:
    """The page's main content as text, spaces collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def assert_shared(url: str) -> None:
    """The second visitor gets the first one's page from the shared cache."""
    Client().get(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"


def assert_no_answers_revealed(html: str) -> None:
    assert "FEEDBACK-CHECK" not in html
    assert "EXPLANATION-CHECK" not in html
    assert "is_correct" not in html and "correct" not in html.lower().replace("correct the", "")


def test_a_visitor_reads_what_the_check_is_and_is_asked_to_sign_in(check_page):
    response = Client().get(check_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "How the check works" in text(response)
    assert "you answer 5 questions about what you already know (about 3 minutes)" in text(response)
    assert "12 weeks after you finish, a retention check" in text(response)
    assert f'href="/en/accounts/login/?next={check_page.url}"' in html
    # Nothing personal: the page can be shared by every visitor.
    assert "csrfmiddlewaretoken" not in html
    assert_shared(check_page.url)
    assert 'name="attempt_token"' not in html
    assert_no_answers_revealed(html)


def test_a_visitor_reads_the_estonian_check_in_estonian(check_page, programme):
    translate_page(programme, "et")
    estonian = translate_page(check_page, "et")
    response = Client().get(estonian.url)
    html = response.content.decode()
    assert estonian.url.startswith("/et/")
    assert '<html lang="et"' in html
    # The sign-in buttons in Estonian (the new sentences are translated after merging).
    assert ">Logi sisse</a>" in html and ">Loo konto</a>" in html
    assert f'href="/et/accounts/login/?next={estonian.url}"' in html


def test_a_learner_sees_the_open_check_and_its_form_without_answers(learner_client, check_page):
    response = learner_client.get(check_page.url)
    html = response.content.decode()
    assert "Baseline check" in text(response)
    assert "Before you start: a 5-question check of what you already know (about 3 minutes)." in (
        text(response)
    )
    assert html.count('class="question"') == 5
    assert f'action="/en/learn/checks/{check_page.pk}/baseline/submit/"' in html
    assert_no_answers_revealed(html)


def test_a_learner_takes_the_estonian_check_in_estonian(
    learner_client, learner, check_page, programme, drawn, post_check
):
    translate_page(programme, "et")
    estonian = translate_page(check_page, "et")
    response = learner_client.get(estonian.url)
    assert "Saada vastused" in text(response) and "Submit answers" not in text(response)
    assert f'action="/et/learn/checks/{estonian.pk}/baseline/submit/"' in response.content.decode()
    # The same questions in either language: a learner switching language keeps their check.
    english = set(
        re.findall(r'id="q-([0-9a-f-]{36})"', learner_client.get(check_page.url).content.decode())
    )
    assert set(re.findall(r'id="q-([0-9a-f-]{36})"', response.content.decode())) == english
    result = post_check(estonian, "baseline", answers_to(drawn(learner, estonian, "baseline")))
    assert result["Location"].startswith("/et/")
    assert CheckAttempt.objects.get().language == "et"
    assert t("et", "Go to My learning") in text(learner_client.get(result["Location"]))


def test_a_learner_who_started_a_module_is_told_why_there_is_no_baseline(
    learner_client, learner, check_page, modules
):
    record_attempt(learner, modules[0])
    response = learner_client.get(check_page.url)
    assert "so a baseline check would not measure where you started" in text(response)
    assert "The final check opens once you have completed all 2 modules: 1 to go." in text(response)
    assert 'name="attempt_token"' not in response.content.decode()


def take(learner_client, learner, page, occasion, drawn, post_check, right):
    quiz = drawn(learner, page, occasion)
    response = post_check(page, occasion, answers_to(quiz, right))
    assert response.status_code == 302
    return learner_client.get(response["Location"])


def test_the_result_pages_show_the_score_the_explanations_and_the_gain(
    learner_client, learner, check_page, programme, modules, drawn, post_check
):
    baseline = take(learner_client, learner, check_page, "baseline", drawn, post_check, 2)
    assert "Your result: Baseline check" in text(baseline)
    assert "Score: 40%" in text(baseline) and "2 of 5 questions right." in text(baseline)
    assert "You answered 2 of 5 before the programme." in text(baseline)
    assert "EXPLANATION-CHECK" in baseline.content.decode()
    assert f"Start “{modules[0].title}”" in text(baseline)

    for module in modules:
        record_attempt(learner, module)
    programme_page = learner_client.get(programme.url)
    assert "Take the final check" in text(programme_page)

    final = take(learner_client, learner, check_page, "final", drawn, post_check, 5)
    assert "Your learning gain" in text(final)
    assert "You answered 2 of 5 before the programme and 5 of 5 after it." in text(final)
    assert "Score: 100%" in text(final)

    programme_page = learner_client.get(programme.url)
    assert "You answered 2 of 5 before the programme and 5 of 5 after it." in text(programme_page)
    assert "Take the final check" not in text(programme_page)
    check = learner_client.get(check_page.url)
    assert "A retention check opens on" in text(check)
    assert "See your answers: Final check" in text(check)


def test_another_learners_result_is_not_shown(learner, check_page, drawn, post_check):
    from tests.factories import make_learner

    response = post_check(
        check_page, "baseline", answers_to(drawn(learner, check_page, "baseline"))
    )
    other = Client()
    other.force_login(make_learner("jaan@example.com"))
    assert other.get(response["Location"]).status_code == 404


def test_the_programme_page_invites_to_the_baseline(learner_client, check_page, programme):
    response = learner_client.get(programme.url)
    assert (
        "Before you start: a 5-question check of what you already know (about 3 minutes)."
        in text(response)
    )
    assert f'href="{check_page.url}">Take the baseline check' in response.content.decode()


def test_the_programme_page_of_a_visitor_points_to_the_check_and_stays_shareable(
    check_page, programme
):
    response = Client().get(programme.url)
    assert "About the knowledge check" in text(response)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert_shared(programme.url)


def test_a_programme_without_a_check_shows_no_check_panel(learner_client, programme):
    assert "Knowledge check" not in text(learner_client.get(programme.url))
    assert "knowledge check" not in text(Client().get(programme.url))


def count_queries(client, url) -> int:
    client.get(url)  # warm the shared cache and per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_the_check_panel_costs_a_learner_one_query_whatever_the_programme(
    learner_client, site_pages, water
):
    home, index = site_pages
    without = make_programme(home, [make_module(index, "W1", sectors=[water])], title="Without")
    small = make_programme(home, [make_module(index, "S1", sectors=[water])], title="Small")
    large = make_programme(
        home, [make_module(index, f"L{n}", sectors=[water]) for n in range(5)], title="Large"
    )
    KnowledgeCheckPageFactory(parent=small, slug="check", questions=check_pool(3))
    KnowledgeCheckPageFactory(parent=large, slug="check", questions=check_pool(30))
    base = count_queries(learner_client, without.url)
    # The learner's knowledge record; their progress on the modules is the row
    # the module list reads anyway.
    assert count_queries(learner_client, small.url) == base + 1
    assert count_queries(learner_client, large.url) == base + 1
    # A visitor's page reads the check from the shared cache.
    visitor = Client()
    assert count_queries(visitor, large.url) == count_queries(visitor, without.url)


def test_the_check_page_reads_the_same_for_a_small_and_a_large_pool(
    learner_client, site_pages, water
):
    home, index = site_pages
    small = make_programme(home, [make_module(index, "S1", sectors=[water])], title="Small")
    large = make_programme(
        home, [make_module(index, f"L{n}", sectors=[water]) for n in range(5)], title="Large"
    )
    few = KnowledgeCheckPageFactory(parent=small, slug="check", questions=check_pool(3))
    many = KnowledgeCheckPageFactory(
        parent=large, slug="check", questions=check_pool(30), questions_per_check=30
    )
    assert count_queries(learner_client, few.url) == count_queries(learner_client, many.url)


def test_between_the_checks_the_programme_page_says_when_the_final_check_opens(
    learner, learner_client, check_page, programme, drawn, post_check
):
    post_check(check_page, "baseline", answers_to(drawn(learner, check_page, "baseline")))
    page = text(learner_client.get(programme.url))
    assert "You have taken the baseline check." in page
    assert "The final check opens once you have completed all 2 modules: 2 to go." in page
    assert "Take the final check" not in page
