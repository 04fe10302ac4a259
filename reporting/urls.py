from django.urls import path

from . import views

urlpatterns = [
    path(
        "reports/unsubscribe/<str:token>/",
        views.unsubscribe,
        name="reporting_unsubscribe",
    ),
]
