from django.urls import path

from ..views import emails

urlpatterns = [
    path("email/unsubscribe/<str:token>/", emails.unsubscribe, name="unsubscribe"),
]
