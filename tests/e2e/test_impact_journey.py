"""A learner measures what a programme taught them: a baseline check, the modules,
the final check, and their own gain, on a phone."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from impact.checks import check_of, earlier_attempts, questions_for
from modules.quiz import Quiz
from tests.factories import (
    KnowledgeCheckPageFactory,
    RegionFactory,
    check_pool,
    make_learner,
    make_module,
    make_programme,
    make_site,
)
from tests.impact.report_data import knowledge
from tests.learning.statistics.helpers import staff


def answer(page, quiz: Quiz, right: int) -> None:
    """Tick the right answers of the first `right` questions and a wrong one of the rest."""
    for position, question in enumerate(quiz.questions):
        if position < right:
            wanted = [c for c in question.choices if c.is_correct]
        else:
            wanted = [next(c for c in question.choices if not c.is_correct)]
        fieldset = page.locator(f"#q-{question.id}")
        for choice in wanted:
            fieldset.get_by_label(choice.text, exact=True).check()


def asked(learner, check_page, programme, occasion: str) -> Quiz:
    check = check_of(check_page, programme)
    return questions_for(learner, check_page, check, occasion, earlier_attempts(learner, check))


def test_a_learner_takes_both_checks_around_two_modules_and_sees_their_gain(
    live_server, phone_page
):
    page = phone_page
    home, index = make_site()
    modules = [make_module(index, "Phishing at the utility"), make_module(index, "Passwords")]
    programme = make_programme(home, modules)
    check_page = KnowledgeCheckPageFactory(
        parent=programme, questions=check_pool(20), questions_per_check=10
    )
    learner = make_learner("kadri@example.com", language="en")

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("E-mail address").fill(learner.email)
    page.get_by_label("Password").fill("pw-Secret-123")
    page.get_by_label("Password").press("Enter")
    expect(page).not_to_have_url(re.compile("/accounts/login/"))

    # The programme page invites the learner to the baseline before the first module.
    page.goto(live_server.url + programme.url)
    invitation = page.get_by_role("region", name="Knowledge check")
    expect(invitation).to_contain_text(
        "Before you start: a 10-question check of what you already know (about 5 minutes)."
    )
    invitation.get_by_role("link", name="Take the baseline check").click()
    expect(page.get_by_role("heading", level=2, name="Baseline check")).to_be_visible()
    answer(page, asked(learner, check_page, programme, "baseline"), right=4)
    page.get_by_role("button", name="Submit answers").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your result: Baseline check")
    expect(page.get_by_role("status")).to_contain_text("Score: 40%")
    expect(page.get_by_role("status")).to_contain_text("You answered 4 of 10 before the programme.")

    # The two modules, one after the other.
    page.get_by_role("link", name="Start “Phishing at the utility”").click()
    for module in modules:
        expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
        answer(page, module.quiz_definition, right=len(module.quiz_definition.questions))
        page.get_by_role("button", name="Submit answers").click()
        expect(page.locator(".result__verdict")).to_contain_text("Passed.")
        if module is modules[0]:
            page.get_by_role("link", name="Next: Passwords").click()

    # With every module completed, the programme page opens the final check.
    page.goto(live_server.url + programme.url)
    page.get_by_role("link", name="Take the final check").click()
    final = asked(learner, check_page, programme, "final")
    # A pool of twenty: the final check asks ten questions the baseline did not.
    assert not {q.id for q in final.questions} & {
        q.id for q in asked(learner, check_page, programme, "baseline").questions
    }
    answer(page, final, right=9)
    page.get_by_role("button", name="Submit answers").click()

    gain = "You answered 4 of 10 before the programme and 9 of 10 after it."
    banner = page.get_by_role("region", name="Your learning gain")
    expect(banner).to_contain_text(gain)
    expect(page.get_by_role("status")).to_contain_text("Score: 90%")
    page.get_by_role("link", name="Back to “Water programme”").click()
    expect(page.get_by_role("region", name="Your learning gain")).to_contain_text(gain)


def test_a_regional_manager_sees_their_regions_gain_and_not_anothers(live_server, page):
    """Seven Estonian learners went from 40 % to 80 % (a gain of 40 / 60 = 66.7 %);
    the three in Latvia are outside the Estonian manager's regions."""
    home, index = make_site()
    programme = make_programme(home, [make_module(index, "Phishing at the utility")])
    estonia, latvia = (
        RegionFactory(code="EE", name="Estonia"),
        RegionFactory(code="LV", name="Latvia"),
    )
    for _ in range(7):
        knowledge(programme, estonia, baseline=40, final=80)
    for _ in range(3):
        knowledge(programme, latvia, baseline=20, final=90)
    manager = staff("manager.test", codename="view_statistics", regions=[estonia])
    manager.set_password("pw-Secret-123")
    manager.save()

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("manager.test")
    page.get_by_label("Password").fill("pw-Secret-123")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    # The manager's home says what the training changed, with the report one click away.
    panel = page.get_by_role("region", name="What the training changed")
    expect(panel).to_contain_text("66.7")

    page.goto(f"{live_server.url}/admin/statistics/impact/learning-gain/by/region/")
    table = page.get_by_role("table")
    estonia_row = table.get_by_role("row").filter(has_text="Estonia")
    expect(estonia_row).to_contain_text("7")
    expect(estonia_row).to_contain_text("66.7")
    expect(table).not_to_contain_text("Latvia")
