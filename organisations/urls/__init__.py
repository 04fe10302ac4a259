"""The organisations' public pages, one module per part (registration, membership, team ...)."""

from . import emails, membership, records, registration, team

app_name = "organisations"

urlpatterns = [
    *registration.urlpatterns,
    *membership.urlpatterns,
    *team.urlpatterns,
    *records.urlpatterns,
    *emails.urlpatterns,
]
