import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories import SectorFactory, make_learner, make_site


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


@pytest.fixture(autouse=True)
def _restore_post_migrate_data(request):
    """Give transactional tests the content types and permissions migrations create.

    A transactional test empties every table when it ends. Tests here do not
    use Django's serialized rollback (a request still being served by the
    live server after the flush can recreate rows and make the restore
    collide); instead the post_migrate data is emitted again here, and the
    factories and seed_demo rebuild the page root, locales and site.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker and marker.kwargs.get("transaction")) or (
        "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    )
    if transactional:
        from django.contrib.contenttypes.models import ContentType
        from django.core.management.sql import emit_post_migrate_signal

        request.getfixturevalue("transactional_db")
        ContentType.objects.clear_cache()
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    yield


# A learner in the water sector, the situation most tests of learners need; a
# test module defines its own `learner` when it needs another.
@pytest.fixture
def water(db):
    return SectorFactory(slug="water", name="Water and wastewater", names={"et": "Vesi ja reovesi"})


@pytest.fixture
def learner(db, water):
    return make_learner(sector=water)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
