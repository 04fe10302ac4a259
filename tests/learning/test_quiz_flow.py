"""Taking a module: starting, submitting, results, retries, completion, records."""

import uuid

import pytest
from django.urls import reverse

from learning.models import Certificate, ModuleProgress, QuestionResult, QuizAttempt
from modules.models import ModulePage
from tests.factories import answers_for, make_module, make_programme, translate_page


def test_opening_a_module_records_the_start_once(learner_client, learner, module):
    assert learner_client.get(module.url).status_code == 200
    learner_client.get(module.url)
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.module_key == module.translation_key
    assert progress.completed_at is None
    html = learner_client.get(module.url).content.decode()
    assert "In progress" in html
    assert "0 attempts used, 3 left" in html


def test_visitors_can_read_but_are_asked_to_sign_in_for_the_quiz(client, module):
    html = client.get(module.url).content.decode()
    assert "Spotting a fake invoice" in html
    assert "Sign in or create a free account" in html
    login = reverse("learning:login") + f"?next={module.url}#quiz"
    assert f'href="{login}"' in html
    assert '<fieldset class="quiz-form__all" disabled>' in html
    assert ModuleProgress.objects.count() == 0


def test_failing_then_passing_completes_the_module(learner_client, learner, module, submit):
    response = submit(module, answers_for(module, right=False))
    assert response.status_code == 302
    first = QuizAttempt.objects.get(user=learner)
    assert response["Location"] == reverse("learning:attempt", args=[first.pk])
    assert (first.score, first.passed, first.number) == (0, False, 1)

    html = learner_client.get(response["Location"]).content.decode()
    assert "Score: 0%" in html
    assert "Not passed yet" in html
    assert "Try again" in html
    assert "2 attempts left." in html
    # Feedback of the picked choices and every explanation, nothing about the others.
    assert "FEEDBACK-WRONG-SINGLE" in html and "FEEDBACK-RIGHT-SINGLE" not in html
    assert "EXPLANATION-SINGLE" in html and "EXPLANATION-TF" in html
    assert "FEEDBACK-TF-TRUE" in html and "FEEDBACK-TF-FALSE" not in html
    assert not ModuleProgress.objects.get(user=learner).is_completed

    response = submit(module, answers_for(module, right=True))
    second = QuizAttempt.objects.get(user=learner, number=2)
    assert second.passed and second.score == 100
    html = learner_client.get(response["Location"]).content.decode()
    assert "Passed." in html
    assert "You have completed this module." in html

    progress = ModuleProgress.objects.get(user=learner)
    assert progress.is_completed
    assert (progress.best_score, progress.attempt_count) == (100, 2)
    assert progress.first_attempt_passed is False
    assert progress.completed_language == "en"
    profile = learner.learner_profile
    assert (progress.region_id, progress.sector_id, progress.organisation_size) == (
        profile.region_id,
        profile.sector_id,
        "small",
    )
    assert QuestionResult.objects.filter(attempt=second, is_correct=True).count() == 3
    assert Certificate.objects.filter(user=learner, kind="module").count() == 1

    page = learner_client.get(module.url).content.decode()
    assert "Completed" in page and "Best score: 100%" in page
    assert "View your certificate" in page


def test_attempt_limit_is_enforced(learner_client, learner, module, submit):
    for _ in range(3):
        assert submit(module, answers_for(module, right=False)).status_code == 302
    response = submit(module, answers_for(module, right=True))
    assert response.status_code == 400
    assert "used all 3 attempts" in response.content.decode()
    assert QuizAttempt.objects.filter(user=learner).count() == 3
    html = learner_client.get(module.url).content.decode()
    assert "You have used all your attempts for this quiz." in html


def test_the_same_submission_twice_is_recorded_once(learner, module, submit):
    token = uuid.uuid4()
    first = submit(module, answers_for(module), token=token)
    again = submit(module, answers_for(module), token=token)
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert QuizAttempt.objects.count() == 1
    assert ModuleProgress.objects.get(user=learner).attempt_count == 1


def test_another_learner_cannot_reuse_a_submission_token(client, module, submit, water):
    from tests.factories import make_learner

    token = uuid.uuid4()
    submit(module, answers_for(module), token=token)
    other = make_learner("jaan@example.com", sector=water)
    client.force_login(other)
    response = submit(module, answers_for(module), token=token, client=client)
    assert response.status_code == 400
    assert QuizAttempt.objects.count() == 1


def _other_question_choice(module):
    first, second = module.quiz_definition.questions[:2]
    return first, second.choices[0].id


@pytest.mark.parametrize(
    "tamper, message",
    [
        ("unknown_choice", "does not belong"),
        ("other_question_choice", "does not belong"),
        ("other_module_choice", "does not belong"),
        ("two_on_single", "received several"),
        ("unknown_question", "not in this quiz"),
        ("no_token", "form is incomplete"),
        ("bad_token", "form is incomplete"),
    ],
)
def test_tampered_submissions_get_a_clear_400_and_write_nothing(
    learner_client, learner, module, site_pages, tamper, message
):
    _home, index = site_pages
    data = answers_for(module)
    data["attempt_token"] = str(uuid.uuid4())
    questions = module.quiz_definition.questions
    single = questions[0]
    if tamper == "unknown_choice":
        data[f"q-{single.id}"] = ["not-a-choice"]
    elif tamper == "other_question_choice":
        data[f"q-{single.id}"] = [questions[1].choices[0].id]
    elif tamper == "other_module_choice":
        other = make_module(index, "Other module")
        data[f"q-{single.id}"] = [other.quiz_definition.questions[0].choices[0].id]
    elif tamper == "two_on_single":
        data[f"q-{single.id}"] = [c.id for c in single.choices[:2]]
    elif tamper == "unknown_question":
        data["q-ffffffff-0000-0000-0000-000000000000"] = ["x"]
    elif tamper == "no_token":
        del data["attempt_token"]
    elif tamper == "bad_token":
        data["attempt_token"] = "<script>"
    response = learner_client.post(reverse("learning:submit_quiz", args=[module.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Nothing was saved." in html
    assert QuizAttempt.objects.count() == 0
    assert QuestionResult.objects.count() == 0
    assert ModuleProgress.objects.filter(attempt_count__gt=0).count() == 0


def submitted_without(submit, module, question) -> str:
    """Submit every answer but the one to `question`: the page shown again, a 400."""
    data = answers_for(module)
    del data[f"q-{question.id}"]
    response = submit(module, data)
    assert response.status_code == 400
    return response.content.decode()


def test_missing_answers_show_the_form_again_with_errors_next_to_the_questions(
    learner_client, module, submit
):
    questions = module.quiz_definition.questions
    html = submitted_without(submit, module, questions[1])
    assert "Please answer every question before submitting." in html
    assert f'id="q-{questions[1].id}-error"' in html
    # GOV.UK's error summary: the title says so, the page opens at the quiz, and
    # the summary links to each question with a problem.
    assert "<title>Error: " in html
    assert f'action="{reverse("learning:submit_quiz", args=[module.pk])}#quiz"' in html
    assert f'<a href="#q-{questions[1].id}">Question 2: Select at least one answer.</a>' in html
    assert f'href="#q-{questions[0].id}"' not in html
    assert "Select at least one answer." in html
    # The learner's other choices are kept.
    kept = questions[0].correct_ids
    assert f'value="{next(iter(kept))}" checked' in html
    assert QuizAttempt.objects.count() == 0


def test_the_form_shown_again_carries_the_lesson_as_last_published(learner_client, module, submit):
    # Reading the module keeps its lesson in the shared cache until the next publish.
    assert "Attackers imitate your suppliers." in learner_client.get(module.url).content.decode()
    module.body = [{"type": "paragraph", "value": "<p>Check the bank details by phone.</p>"}]
    module.save_revision().publish()
    html = submitted_without(submit, module, module.quiz_definition.questions[0])
    assert "Check the bank details by phone." in html
    assert "Attackers imitate your suppliers." not in html


def test_an_oversized_submission_is_refused(learner_client, module):
    data = answers_for(module)
    data["attempt_token"] = str(uuid.uuid4())
    data["padding"] = "x" * (100 * 1024)
    response = learner_client.post(reverse("learning:submit_quiz", args=[module.pk]), data)
    assert response.status_code == 400
    assert "far too large" in response.content.decode()
    assert QuizAttempt.objects.count() == 0


def test_submitting_to_an_unpublished_or_unknown_module_is_refused(learner_client, module, submit):
    module.unpublish()
    response = submit(module, answers_for(module))
    assert response.status_code == 400
    assert "no longer available" in response.content.decode()
    response = learner_client.post(
        reverse("learning:submit_quiz", args=[999999]), {"attempt_token": str(uuid.uuid4())}
    )
    assert response.status_code == 400
    assert QuizAttempt.objects.count() == 0


def test_get_on_the_submit_url_is_not_allowed(learner_client, module):
    response = learner_client.get(reverse("learning:submit_quiz", args=[module.pk]))
    assert response.status_code == 405


def test_anonymous_submission_goes_to_sign_in(client, module):
    response = client.post(reverse("learning:submit_quiz", args=[module.pk]), {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("learning:login"))


def test_the_result_survives_edits_to_the_quiz(learner_client, learner, module, submit):
    response = submit(module, answers_for(module))
    page = ModulePage.objects.get(pk=module.pk)
    page.quiz[0].value["prompt"] = "A completely different question"
    page.quiz[0].value["choices"][0]["is_correct"] = False
    page.quiz[0].value["choices"][1]["is_correct"] = True
    page.save_revision().publish()
    html = learner_client.get(response["Location"]).content.decode()
    assert "Which sender address is genuine?" in html
    assert "A completely different question" not in html
    assert "Score: 100%" in html


def test_records_outlive_the_module(learner, module, submit):
    submit(module, answers_for(module))
    ModulePage.objects.get(pk=module.pk).delete()
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.is_completed and progress.module_page is None
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert Certificate.objects.filter(user=learner).count() == 1


def test_completing_the_estonian_version_completes_the_module(
    learner_client, learner, module, submit
):
    estonian = translate_page(module, "et")
    response = submit(estonian, answers_for(estonian))
    assert response.status_code == 302
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.completed_language == "et"
    assert progress.module_key == module.translation_key
    html = learner_client.get(module.url).content.decode()
    assert "Best score: 100%" in html
    # Per-question results use the same ids in every language.
    ids = set(QuestionResult.objects.values_list("question_id", flat=True))
    assert ids == {q.id for q in module.quiz_definition.questions}


def test_a_module_without_quiz_is_completed_with_mark_as_done(learner_client, learner, site_pages):
    _home, index = site_pages
    reading = make_module(index, "Reading only", quiz=[])
    html = learner_client.get(reading.url).content.decode()
    assert "Mark as done" in html
    response = learner_client.post(reverse("learning:mark_done", args=[reading.pk]))
    assert response.status_code == 302
    progress = ModuleProgress.objects.get(user=learner)
    assert progress.is_completed and progress.best_score is None
    assert "You have completed this module." in learner_client.get(reading.url).content.decode()


def test_mark_as_done_is_refused_for_a_module_with_a_quiz(learner_client, module):
    response = learner_client.post(reverse("learning:mark_done", args=[module.pk]))
    assert response.status_code == 400
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()


def test_programme_progress_and_certificate(learner_client, learner, site_pages, submit):
    home, index = site_pages
    first = make_module(index, "Phishing")
    second = make_module(index, "Backups")
    programme = make_programme(home, [first, second])
    submit(first, answers_for(first))
    html = learner_client.get(programme.url).content.decode()
    assert "1 of 2 modules completed" in html
    assert not Certificate.objects.filter(kind="programme").exists()
    submit(second, answers_for(second))
    html = learner_client.get(programme.url).content.decode()
    assert "2 of 2 modules completed" in html
    certificate = Certificate.objects.get(kind="programme", user=learner)
    assert certificate.title == "Water programme"
    assert "View your programme certificate" in html


def test_result_pages_are_private(client, learner, module, submit, water):
    from tests.factories import make_learner

    response = submit(module, answers_for(module))
    other = make_learner("jaan@example.com", sector=water)
    client.force_login(other)
    assert client.get(response["Location"]).status_code == 404


def test_a_missed_question_points_back_to_the_lesson_section_it_tests(
    learner_client, learner, site_pages, water, submit
):
    """On the result page each missed question links to the section its editor named,
    or to the lesson when it names none; a question answered right links nowhere."""
    from tests.factories import choice_item, choice_question, make_module, sample_body

    _home, index = site_pages
    body = sample_body()
    heading = body[0]
    quiz = [
        choice_question(
            "single_choice",
            "Which sender address is genuine?",
            [
                choice_item("billing@supplier.example", True),
                choice_item("billing@supp1ier.example"),
            ],
        ),
        choice_question(
            "single_choice",
            "Who do you call?",
            [choice_item("The supplier, on a known number", True), choice_item("The e-mail")],
        ),
    ]
    quiz[0]["value"]["section"] = heading["id"]
    module = make_module(index, "Invoices", body=body, quiz=quiz, sectors=[water])
    html = learner_client.get(
        submit(module, answers_for(module, right=False))["Location"]
    ).content.decode()
    assert f'href="{module.url}#section-{heading["id"]}"' in html
    assert "Read “Spotting a fake invoice” again" in html
    assert f'href="{module.url}#lesson"' in html
    assert "Read the lesson again" in html
    lesson = learner_client.get(module.url).content.decode()
    assert f'id="section-{heading["id"]}"' in lesson and 'id="lesson"' in lesson

    passed = learner_client.get(
        submit(module, answers_for(module, right=True))["Location"]
    ).content.decode()
    assert "again</a>" not in passed


def test_a_pass_offers_the_certificate_the_programme_progress_and_the_next_module(
    learner_client, learner, site_pages, water, submit
):
    from learning.models import Certificate
    from tests.factories import make_module, make_programme

    home, index = site_pages
    first = make_module(index, "Phishing at the utility", sectors=[water])
    second = make_module(index, "Backups", sectors=[water])
    make_programme(home, [first, second], title="Water programme")
    html = learner_client.get(submit(first, answers_for(first))["Location"]).content.decode()
    code = Certificate.objects.get(user=learner, subject_key=first.translation_key).code
    assert f'href="{reverse("learning:certificate", args=[code])}"' in html
    assert "Water programme: 1 of 2 modules completed." in html
    assert f'href="{second.url}"' in html and "Next: Backups" in html

    failed = learner_client.get(
        submit(second, answers_for(second, right=False))["Location"]
    ).content.decode()
    assert "modules completed" not in failed and "See your certificate" not in failed
