"""Background work runs in the database-backed worker in production."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.factories import make_learner


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.mark.django_db(transaction=True)
def test_password_reset_mail_is_queued_and_sent_by_the_worker(client, queued_tasks):
    learner = make_learner(email="queued@example.com")

    response = client.post("/en/accounts/password-reset/", {"email": learner.email})

    # The learner's request returns without talking to the mail server...
    assert response.status_code == 302
    assert mail.outbox == []
    # (Saving the learner's organisation may also queue Wagtail's reference index update.)
    mails = DBTaskResult.objects.filter(task_path="learning.tasks.send_email")
    assert mails.count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    # ...and the worker delivers the message.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["queued@example.com"]
    assert "/accounts/reset/" in mail.outbox[0].body
    assert mails.get().status == "SUCCESSFUL"
