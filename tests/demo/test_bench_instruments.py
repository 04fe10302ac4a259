"""The benchmark's instruments: a query-count header and a bare view."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory

from demo.bench import QUERY_COUNT_HEADER, QueryCountMiddleware, bare


def test_each_response_says_how_many_queries_it_ran(db):
    def view(request):
        get_user_model().objects.count()
        get_user_model().objects.exists()
        return HttpResponse("done")

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response[QUERY_COUNT_HEADER] == "2"


def test_the_bare_view_runs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = QueryCountMiddleware(bare)(RequestFactory().get("/bench/bare/"))
    assert response.status_code == 200
    assert response[QUERY_COUNT_HEADER] == "0"


def test_the_signed_in_floor_reads_the_person_and_nothing_more(db, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    from demo.bench import signed_in_floor

    person = get_user_model().objects.create_user("floor", password="pw-Secret-123")
    request = RequestFactory().get("/bench/signed-in/")
    request.user = get_user_model().objects.get(pk=person.pk)
    with django_assert_num_queries(0):
        response = signed_in_floor(request)
    assert response.status_code == 200
    assert response.content == str(person.pk).encode()

    request.user = AnonymousUser()
    assert signed_in_floor(request).status_code == 403


def test_cpu_is_read_for_the_stacks_own_processes():
    """The bench's CPU table reads /proc: this process's own session counts as the app."""
    import os
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    try:
        import bench
    finally:
        sys.path.pop(0)
    sum(range(2_000_000))  # some CPU of our own
    used = bench.cpu_seconds_by_part(os.getsid(0))
    assert set(used) == {"app", "PostgreSQL", "Redis"}
    assert used["app"] > 0
