"""The admin reports' base: nobody sees a report that does not say who may, and
the rows shown are the rows exported."""

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from admin_reports.views import AdminReportView
from tests.admin_reports.exports import csv_table


class ColourForm(forms.Form):
    colour = forms.ChoiceField(
        choices=[("", "Any"), ("red", "Red"), ("blue", "Blue")], required=False
    )


class ColourReport(AdminReportView):
    """Rows filtered by the form, for anyone signed in."""

    page_title = "Colours"
    filter_form_class = ColourForm
    list_export = ["name", "colour"]
    export_headings = {"name": "Name", "colour": "Colour"}
    ROWS = [{"name": "Apple", "colour": "red"}, {"name": "Sky", "colour": "blue"}]

    def user_may_view(self, user) -> bool:
        return user.is_authenticated

    def get_rows(self) -> list[dict]:
        form = self.filter_form
        chosen = form.cleaned_data.get("colour") if form.is_bound and form.is_valid() else ""
        return [row for row in self.ROWS if not chosen or row["colour"] == chosen]


class UnsaidReport(AdminReportView):
    """A report that does not say who may see it."""

    filter_form_class = ColourForm

    def get_rows(self) -> list[dict]:
        return ColourReport.ROWS


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.com", "pw")


def request(user, **params):
    made = RequestFactory().get("/admin/reports/colours/", params)
    made.user = user
    return made


def test_a_report_that_does_not_say_who_may_see_it_shows_nobody(superuser):
    with pytest.raises(PermissionDenied):
        UnsaidReport.as_view()(request(superuser))


def test_the_export_holds_the_filtered_rows(superuser):
    response = ColourReport.as_view()(request(superuser, colour="blue", export="csv"))
    content = b"".join(response.streaming_content).decode()
    assert csv_table(content) == [{"Name": "Sky", "Colour": "blue"}]
    response = ColourReport.as_view()(request(superuser, export="csv"))
    content = b"".join(response.streaming_content).decode()
    assert [row["Name"] for row in csv_table(content)] == ["Apple", "Sky"]
