import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories import make_site


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    """Requests activate their URL's language in the test thread; start each test afresh."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def site_pages(db):
    """(home, module_index) in English, served as the default site."""
    return make_site()


@pytest.fixture
def admin_client(client, db):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(admin)
    return client
