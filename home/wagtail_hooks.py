from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Theme
from home.users import bulk_refusal, refuse


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(ThemeViewSet)


@hooks.register("before_bulk_action")
def refuse_bulk_changes_to_protected_accounts(request, action_type, objects, action):
    """Bulk actions on users (delete, assign a role, (de)activate) keep to who may manage
    whom (home/users.py)."""
    if action.model is not get_user_model():
        return None
    form = getattr(action, "cleaned_form", None)
    role = form.cleaned_data.get("role") if form is not None else None
    reason = bulk_refusal(request.user, action_type, objects, role)
    return refuse(request, reason) if reason else None
