import uuid

import pytest
from django.urls import reverse

from tests.factories import make_module


@pytest.fixture
def module(site_pages, water):
    _home, index = site_pages
    return make_module(index, sectors=[water], attempt_limit=3, pass_mark=70)


@pytest.fixture
def submit(learner_client):
    """POST answers for a module as the quiz form does; returns the response."""

    def _submit(module, answers, token=None, client=None, **extra):
        data = dict(answers)
        data["attempt_token"] = str(token or uuid.uuid4())
        return (client or learner_client).post(
            reverse("learning:submit_quiz", args=[module.pk]), data, **extra
        )

    return _submit
