from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_tables(sender, using, verbosity=1, **kwargs):
    """Production keeps its shared cache in the database (consult/settings/production.py):
    every ``migrate`` creates its table when it is missing, so a deploy needs no extra step.
    Where no database cache is configured (development, tests) this does nothing."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


class AdvicesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "advices"
    verbose_name = _("Adviezen")

    def import_models(self):
        super().import_models()
        # The Wagtail page models are views as much as models: they live with the public
        # pages and build on the data models, which import nothing of them.
        from advices import pages  # noqa: F401

    def ready(self):
        from advices import search
        from advices.notify import receivers
        from advices.pdf import signals as pdf_signals

        pdf_signals.connect()
        receivers.connect()
        search.register()
        post_migrate.connect(create_cache_tables, sender=self)

    # The hooks of ``manage.py backup`` and ``restore`` (backups/reports.py).
    def backup_counts(self):
        from advices.backup_report import counts

        return counts()

    def restore_problems(self):
        from advices.backup_report import problems

        return problems()
