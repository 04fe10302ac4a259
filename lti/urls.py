from django.urls import path

from . import views

app_name = "lti"

urlpatterns = [
    path("login/", views.oidc_login, name="login"),
    path("launch/", views.launch, name="launch"),
    path("deep-link/", views.deep_link, name="deep_link"),
    path("deep-link/<str:launch_id>/", views.deep_link_response, name="deep_link_response"),
    path("jwks.json", views.jwks, name="jwks"),
]
