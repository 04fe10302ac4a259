from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content, load data and benchmark tools: installed in development and tests only."""

    name = "demo"
    default_auto_field = "django.db.models.BigAutoField"
