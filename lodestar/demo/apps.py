from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The top floor: demo data and the whole-pipeline simulation. It may import every app."""

    name = "lodestar.demo"
