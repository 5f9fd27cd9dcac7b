from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "annual"
    verbose_name = _("Jaarverslagen")

    def import_models(self):
        super().import_models()
        # The public page is a Wagtail page (a model and a view at once); it lives with the
        # public side and builds on the data model, which knows nothing of it.
        from annual import pages  # noqa: F401
