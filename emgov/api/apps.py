from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "emgov.api"
    label = "api"
    verbose_name = "接口"
