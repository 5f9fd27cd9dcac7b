from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class HomeConfig(AppConfig):
    # apps.py holds two configurations; "home" in INSTALLED_APPS means this one.
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Website")

    def ready(self):
        from django.core.signals import request_started
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from home import search_pages
        from home.dates import use_for_every_admin_date
        from home.document_privacy import publish_documents_on_publish
        from home.models import NamedPerson
        from home.named_people import forget
        from home.search_names import register_sqlite_public_fold
        from home.search_text import register_sqlite_fold

        page_published.connect(publish_documents_on_publish, dispatch_uid="home-publish-documents")
        # The site search folds accents in SQL; SQLite needs the function on each connection.
        connection_created.connect(register_sqlite_fold, dispatch_uid="home-sqlite-fold")
        # ... and, as if hidden names were their roles, for the public search.
        connection_created.connect(
            register_sqlite_public_fold, dispatch_uid="home-sqlite-public-fold"
        )
        search_pages.register()
        # The names to hide are read once per request, and again when the list changes.
        request_started.connect(forget, dispatch_uid="home-named-people-request")
        for signal in (post_save, post_delete):
            signal.connect(
                forget, sender=NamedPerson, dispatch_uid=f"home-named-people-{id(signal)}"
            )
        # 31-02-2025 is an error in every admin form, never 3 March (home.dates).
        use_for_every_admin_date()


class CouncilUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with who may manage whom (home/users.py)."""

    user_viewset = "home.users.CouncilUserViewSet"
