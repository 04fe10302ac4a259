from django.urls import path

from ..views import registration

urlpatterns: list = [
    path("organisations/register/", registration.register, name="register"),
    path(
        "organisations/register/status/",
        registration.registration_status,
        name="registration_status",
    ),
]
