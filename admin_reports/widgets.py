"""Form widgets of the admin reports' filters."""

from __future__ import annotations

import datetime

from django.utils.formats import get_format, localize_input
from wagtail.admin.datetimepicker import to_datetimepicker_format
from wagtail.admin.widgets import AdminDateInput


def parse_date(text: str) -> datetime.date | None:
    """The day `text` gives in one of the active language's input formats (ISO included)."""
    for fmt in get_format("DATE_INPUT_FORMATS"):
        try:
            return datetime.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


class LocalDateInput(AdminDateInput):
    """Wagtail's date picker, writing dates as the admin user's language does.

    Wagtail's own widget fixes one format (WAGTAIL_DATE_FORMAT, else ISO) when
    the form class is defined; a report is read in each person's language, so
    the format is the active language's first input format, looked up when the
    field is drawn: "01.12.2025" in Estonian, "01/12/2025" in French. A date
    in the query string (ISO, from a link) is shown the same way.
    """

    def __init__(self, attrs: dict | None = None):
        super().__init__(attrs=attrs)
        self.format = None

    @staticmethod
    def local_format() -> str:
        return get_format("DATE_INPUT_FORMATS")[0]

    def format_value(self, value):
        if isinstance(value, str):
            value = parse_date(value) or value
        return localize_input(value, self.local_format()) if value else None

    def get_config(self) -> dict:
        return {**super().get_config(), "format": to_datetimepicker_format(self.local_format())}
