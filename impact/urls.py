from .views import checks, surveys

app_name = "impact"

urlpatterns = [
    *checks.urlpatterns,
    *surveys.urlpatterns,
]
