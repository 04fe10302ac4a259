import uuid

import pytest
from django.urls import reverse

from impact.checks import check_of, earlier_attempts, questions_for
from tests.factories import (
    KnowledgeCheckPageFactory,
    check_pool,
    make_module,
    make_programme,
)


@pytest.fixture
def modules(site_pages, water):
    _home, index = site_pages
    return [
        make_module(index, "Phishing at the utility", sectors=[water]),
        make_module(index, "Passwords at the utility", sectors=[water]),
    ]


@pytest.fixture
def programme(site_pages, modules):
    home, _index = site_pages
    return make_programme(home, modules)


@pytest.fixture
def check_page(programme):
    """A pool of twelve questions, five asked per check, a retention check after twelve weeks."""
    return KnowledgeCheckPageFactory(
        parent=programme, questions=check_pool(12), questions_per_check=5, retention_weeks=12
    )


@pytest.fixture
def drawn(programme):
    """The questions a learner's check on an occasion asks, as the page draws them."""

    def _drawn(user, page, occasion):
        check = check_of(page, programme)
        return questions_for(user, page, check, occasion, earlier_attempts(user, check))

    return _drawn


def answers_to(quiz, right: int | None = None) -> dict[str, list[str]]:
    """Form fields answering `quiz`: the first `right` questions right (all by default), the rest wrong."""
    right = len(quiz.questions) if right is None else right
    return {
        f"q-{question.id}": sorted(question.correct_ids)
        if position < right
        else [next(c.id for c in question.choices if not c.is_correct)]
        for position, question in enumerate(quiz.questions)
    }


@pytest.fixture
def post_check(learner_client):
    """POST a check form as the page sends it; returns the response."""

    def _post(page, occasion, answers, token=None, client=None, **extra):
        data = dict(answers)
        data["attempt_token"] = str(token or uuid.uuid4())
        return (client or learner_client).post(
            reverse("impact:submit_check", args=[page.pk, occasion]), data, **extra
        )

    return _post
