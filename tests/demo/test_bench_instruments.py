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
