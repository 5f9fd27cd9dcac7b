"""Who may manage whose account. The secretariat manages council members and municipal
accounts; only an administrator (a superuser) grants or takes power: makes someone an
administrator or a member of the secretariat, or changes such an account.

Wagtail's own user views (``/admin/users/``) are used with these limits: ``CouncilUserViewSet``
(registered by ``home.apps.CouncilUsersConfig``) and the bulk-action hook in
``home/wagtail_hooks.py``.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.users.views import users

from home.roles import COUNCIL_MEMBERS, MUNICIPALITY, SECRETARIAT

# The groups the secretariat may give or take away.
ASSIGNABLE_BY_SECRETARIAT = (COUNCIL_MEMBERS, MUNICIPALITY)

ADMINISTRATORS_ONLY = _("Alleen een beheerder kan het account van een beheerder wijzigen.")
SECRETARIAT_ONLY_BY_ADMINISTRATOR = _(
    "Alleen een beheerder kan het account van een lid van het secretariaat wijzigen."
)
ROLE_NOT_ASSIGNABLE = _(
    "Het secretariaat kan alleen de rollen Raadsleden en Gemeente geven. "
    "Iemand lid maken van het secretariaat of beheerder kan alleen een beheerder."
)
OWN_ROLES = _("U kunt uw eigen rollen niet wijzigen; vraag dat aan een beheerder.")


def management_refusal(user, target):
    """Why ``user`` may not change the account of ``target``, or None."""
    if user.is_superuser:
        return None
    if target.is_superuser:
        return ADMINISTRATORS_ONLY
    if target.pk != user.pk and target.groups.filter(name=SECRETARIAT).exists():
        return SECRETARIAT_ONLY_BY_ADMINISTRATOR
    return None


def assignable_groups(user):
    groups = Group.objects.order_by("name")
    return groups if user.is_superuser else groups.filter(name__in=ASSIGNABLE_BY_SECRETARIAT)


def refuse(request, reason, status=403):
    return TemplateResponse(
        request,
        "home/admin/refused.html",
        {"reason": reason, "page_title": _("Dit kan niet")},
        status=status,
    )


class LimitedFormMixin:
    """Below an administrator: no "Administrator" box, only the assignable roles, and not
    one's own roles."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        user = self.request.user
        if user.is_superuser:
            return form
        form.fields.pop("is_superuser", None)
        if "groups" in form.fields:
            if getattr(self, "editing_self", False):
                form.fields.pop("groups")
            else:
                form.fields["groups"].queryset = assignable_groups(user)
        return form


class RefusedAccountMixin:
    def dispatch(self, request, *args, **kwargs):
        try:
            if request.user.is_authenticated:
                reason = management_refusal(request.user, self.get_object())
                if reason:
                    return refuse(request, reason)
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as error:
            return refuse(request, str(error) or _("U mag dit niet doen."))


class CouncilUserCreateView(LimitedFormMixin, users.CreateView):
    pass


class CouncilUserEditView(RefusedAccountMixin, LimitedFormMixin, users.EditView):
    pass


class CouncilUserDeleteView(RefusedAccountMixin, users.DeleteView):
    pass


class CouncilUserViewSet(users.UserViewSet):
    add_view_class = CouncilUserCreateView
    edit_view_class = CouncilUserEditView
    delete_view_class = CouncilUserDeleteView


def bulk_refusal(user, action_type, targets, role=None):
    """Why ``user`` may not run the bulk action ``action_type`` on the accounts ``targets``."""
    if user.is_superuser:
        return None
    for target in targets:
        if target.pk == user.pk and action_type != "delete":
            return OWN_ROLES
        reason = management_refusal(user, target)
        if reason:
            return reason
    if role is not None and role.name not in ASSIGNABLE_BY_SECRETARIAT:
        return ROLE_NOT_ASSIGNABLE
    return None
