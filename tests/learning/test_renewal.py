"""Certificates with a validity period, and renewing them by passing the quiz again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from learning.models import Certificate
from learning.renewal import add_months
from tests.factories import make_learner, make_module, make_programme, record_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def annual(site_pages):
    home, index = site_pages
    first = make_module(index, "Phishing at the utility")
    second = make_module(index, "Passwords for operators", attempt_limit=1)
    programme = make_programme(home, [first, second])
    programme.certificate_validity_months = 12
    programme.save_revision().publish()
    return programme, first, second


def certificate(user, page, kind=Certificate.Kind.MODULE):
    return Certificate.objects.get(user=user, kind=kind, subject_key=page.translation_key)


def test_a_module_in_an_annual_programme_is_certified_for_twelve_months(annual):
    programme, first, second = annual
    learner = make_learner("anu@example.com")
    record_attempt(learner, first)
    earned = certificate(learner, first)
    assert earned.valid_until == add_months(earned.completed_at, 12)

    record_attempt(learner, second)
    whole = certificate(learner, programme, Certificate.Kind.PROGRAMME)
    # The programme holds as long as its first-ending module does.
    assert whole.valid_until == earned.valid_until


def test_without_a_validity_period_certificates_never_end(site_pages):
    home, index = site_pages
    module = make_module(index, "Backups")
    make_programme(home, [module])
    learner = make_learner("mati@example.com")
    record_attempt(learner, module)
    assert certificate(learner, module).valid_until is None


def test_the_module_page_offers_renewal_near_the_end_and_a_pass_renews(annual, client):
    programme, first, second = annual
    learner = make_learner("kati@example.com")
    record_attempt(learner, first)
    record_attempt(learner, second)
    old = certificate(learner, first)
    ending = timezone.now() + timedelta(days=10)
    Certificate.objects.filter(pk=old.pk).update(
        valid_until=ending, completed_at=ending - timedelta(days=365)
    )
    Certificate.objects.filter(kind=Certificate.Kind.PROGRAMME).update(valid_until=ending)

    client.force_login(learner)
    page = client.get(first.url).content.decode()
    assert "Renew your certificate" in page
    assert "Certificate valid until" in page

    record_attempt(learner, first)
    renewed = certificate(learner, first)
    assert renewed.code == old.code
    assert renewed.valid_until > timezone.now() + timedelta(days=360)
    # The programme now ends with the other module, which was not renewed.
    whole = certificate(learner, programme, Certificate.Kind.PROGRAMME)
    assert whole.valid_until == certificate(learner, second).valid_until
    assert "Renew your certificate" not in client.get(first.url).content.decode()


def test_passing_again_long_before_the_end_changes_nothing(annual):
    _programme, first, _second = annual
    learner = make_learner("olev@example.com")
    record_attempt(learner, first)
    before = certificate(learner, first)
    record_attempt(learner, first)
    after = certificate(learner, first)
    assert (after.completed_at, after.valid_until) == (before.completed_at, before.valid_until)


def test_an_ended_certificate_with_its_attempt_used_can_still_be_renewed(annual, client):
    _programme, _first, second = annual
    learner = make_learner("peeter@example.com")
    ended = timezone.now() - timedelta(days=3)
    record_attempt(learner, second, at=ended - timedelta(days=365))
    Certificate.objects.filter(user=learner, subject_key=second.translation_key).update(
        valid_until=ended
    )
    client.force_login(learner)
    page = client.get(second.url).content.decode()
    assert "Certificate ended on" in page
    assert "You have used all your attempts" not in page

    record_attempt(learner, second)
    assert certificate(learner, second).valid_until > timezone.now()


def test_verification_says_when_a_certificate_has_ended(annual, client):
    _programme, first, _second = annual
    learner = make_learner("liis@example.com")
    record_attempt(learner, first)
    earned = certificate(learner, first)
    assert "Valid until" in client.get(f"/en/verify/{earned.code}/").content.decode()
    Certificate.objects.filter(pk=earned.pk).update(valid_until=timezone.now() - timedelta(days=1))
    assert "no longer valid" in client.get(f"/en/verify/{earned.code}/").content.decode()


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (datetime(2027, 1, 31, tzinfo=UTC), 1, datetime(2027, 2, 28, tzinfo=UTC)),
        (datetime(2028, 1, 31, tzinfo=UTC), 1, datetime(2028, 2, 29, tzinfo=UTC)),
        (datetime(2026, 12, 15, tzinfo=UTC), 1, datetime(2027, 1, 15, tzinfo=UTC)),
        (datetime(2026, 3, 1, tzinfo=UTC), 24, datetime(2028, 3, 1, tzinfo=UTC)),
    ],
)
def test_months_are_calendar_months(start, months, end):
    assert add_months(start, months) == end
