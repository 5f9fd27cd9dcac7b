from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "operations"
    verbose_name = _("Beheer")

    def ready(self):
        # Every process that writes (web workers, the task worker, management commands)
        # must invalidate the public page cache, so the receivers connect here and not in
        # the middleware, which only the web workers load.
        from operations import invalidation

        invalidation.connect()
