from django.urls import path

from ..views import records

urlpatterns = [
    path("organisation/records/", records.records, name="records"),
    path("organisation/records/<uuid:programme_key>/", records.record, name="record"),
    path("organisation/records/<uuid:programme_key>/pdf/", records.record_pdf, name="record_pdf"),
    # Public: anyone holding a record checks its code here.
    path("team-records/verify/", records.record_verify_form, name="record_verify_form"),
    path("team-records/verify/<str:code>/", records.record_verify, name="record_verify"),
]
