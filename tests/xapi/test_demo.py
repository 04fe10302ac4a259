"""The demo learner's history reaches the LRS when the demo is seeded with one configured."""

import pytest
from django.core.management import call_command

from xapi.models import Statement


# Real commits: the statements are queued once the learner's records are committed.
@pytest.mark.django_db(transaction=True)
def test_seeding_the_demo_sends_the_demo_learners_history(xapi, site_root):
    call_command("seed_demo", languages="et", verbosity=0)

    stored = xapi.statements(site_root)
    hers = {
        str(statement_id)
        for statement_id in Statement.objects.filter(
            learner__email="learner@example.com"
        ).values_list("statement_id", flat=True)
    }
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in stored if s["id"] in hers]
    # Phishing failed then passed (the demo submits its quiz without a visit
    # first, so it has no `launched`), then a second module started, in Estonian.
    outcomes = [verb for verb in verbs if verb != "answered"]
    assert outcomes == ["failed", "passed", "completed", "launched"]
    assert {s["context"]["language"] for s in stored if s["id"] in hers} == {"et"}
    assert not Statement.objects.filter(sent_at__isnull=True).exists()

    call_command("seed_demo", languages="et", verbosity=0)
    assert len(xapi.statements(site_root)) == len(stored)
