from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvicesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "advices"
    verbose_name = _("Adviezen")

    def ready(self):
        from advices import signals  # noqa: F401
