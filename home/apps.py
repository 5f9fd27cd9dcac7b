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
        from wagtail.signals import page_published

        from home.dates import use_for_every_admin_date
        from home.document_privacy import publish_documents_on_publish

        page_published.connect(publish_documents_on_publish, dispatch_uid="home-publish-documents")
        # 31-02-2025 is an error in every admin form, never 3 March (home.dates).
        use_for_every_admin_date()


class CouncilUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with who may manage whom (home/users.py)."""

    user_viewset = "home.users.CouncilUserViewSet"
