from django.urls import path

from . import views

app_name = "impact_statistics"

urlpatterns = [
    path("learning-gain/", views.GainView.as_view(), name="gain"),
    path("learning-gain/by/<str:dimension>/", views.GainView.as_view(), name="gain_by"),
    path("surveys/", views.SurveyResultsView.as_view(), name="surveys"),
]
