from django.contrib.auth import get_user_model
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.deletion import page_deletion_refusal
from home.models import NamedPerson, Theme
from home.security import admin_views as lockout_views
from home.two_factor import urls as two_factor_urls
from home.users import bulk_refusal, refuse


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]
    # Searched in the database: SQLite's search index cannot limit a search to one field
    # ("no such column: name", a 500 found by the role matrix).
    search_backend_name = None
    ordering = ["name"]


register_snippet(ThemeViewSet)


class NamedPersonViewSet(SnippetViewSet):
    """Per name: publish it, or show only the role (applied by home.named_people)."""

    model = NamedPerson
    icon = "user"
    menu_label = _("Namen in verslagen")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "role", "publish_name"]
    list_filter = ["publish_name"]
    search_fields = ["name", "role"]
    search_backend_name = None  # in the database, as for themes
    ordering = ["name"]


register_snippet(NamedPersonViewSet)


@hooks.register("before_delete_page")
def refuse_deleting_live_pages(request, page):
    reason = page_deletion_refusal(request.user, [page])
    return refuse(request, reason) if reason else None


@hooks.register("before_bulk_action")
def refuse_bulk_changes_to_protected_accounts(request, action_type, objects, action):
    """Bulk actions on users (delete, assign a role, (de)activate) keep to who may manage
    whom (home/users.py); a bulk delete of pages keeps to who may delete which page."""
    if issubclass(action.model, Page) and action_type == "delete":
        reason = page_deletion_refusal(request.user, objects)
        return refuse(request, reason) if reason else None
    if action.model is not get_user_model():
        return None
    form = getattr(action, "cleaned_form", None)
    role = form.cleaned_data.get("role") if form is not None else None
    reason = bulk_refusal(request.user, action_type, objects, role)
    return refuse(request, reason) if reason else None


@hooks.register("register_admin_urls")
def login_security_urls():
    return [
        *two_factor_urls.urlpatterns,
        path("geblokkeerde-logins/", lockout_views.lockouts, name="home_login_lockouts"),
        path(
            "geblokkeerde-logins/ontgrendel/",
            lockout_views.unlock_login,
            name="home_login_unlock",
        ),
    ]


@hooks.register("register_settings_menu_item")
def login_lockouts_menu_item():
    return lockout_views.LockoutsMenuItem(
        _("Geblokkeerde logins"),
        reverse("home_login_lockouts"),
        name="login-lockouts",
        icon_name="lock",
        order=610,  # right after Wagtail's "Users"
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("home_two_factor"),
        "label": _("Tweestapsverificatie"),
        "help_text": _("Log in met een code uit een app op uw telefoon, naast uw wachtwoord."),
    }


# Wagtail's help menu and dashboard link to its own guide and release notes: English pages
# about Wagtail, not about this site. The keyboard shortcuts (in Dutch) stay. The dashboard's
# account summary has its own template without the guide (templates/wagtailadmin/home/).
ENGLISH_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")
ENGLISH_DASHBOARD_PANELS = {"whats_new_in_wagtail_version"}


@hooks.register("construct_help_menu")
def leave_out_english_help(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(ENGLISH_HELP_ITEMS)]


@hooks.register("construct_homepage_panels")
def leave_out_english_news(request, panels):
    panels[:] = [
        panel for panel in panels if getattr(panel, "name", "") not in ENGLISH_DASHBOARD_PANELS
    ]


@hooks.register("insert_global_admin_css")
def admin_css():
    """Our admin lists offer long texts (a recommendation, a commitment): without a limit a
    select grows past the window and its end cannot be read or reached."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
