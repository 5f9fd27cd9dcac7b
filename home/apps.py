from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Website")


class CouncilUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with who may manage whom (home/users.py)."""

    user_viewset = "home.users.CouncilUserViewSet"
