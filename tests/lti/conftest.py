import pytest

from lti.models import Registration
from tests.factories import RegionFactory, make_module, translate_page
from tests.lti.platform import TestPlatform


@pytest.fixture
def platform():
    running = TestPlatform()
    yield running
    running.stop()


@pytest.fixture
def estonia(db):
    return RegionFactory(code="EE", country="EE", default_language="et")


@pytest.fixture
def registration(platform, estonia):
    return Registration.objects.create(
        name="School Moodle", region=estonia, **platform.registration_fields()
    )


@pytest.fixture
def module(site_pages):
    _home, index = site_pages
    return make_module(index, "Phishing at the utility", attempt_limit=3, pass_mark=70)


@pytest.fixture
def estonian_module(module):
    page = translate_page(module, "et")
    page.title = "Õngitsus veevärgis"
    page.save_revision().publish()
    return page
