"""The secretariat's page of locked logins (*Instellingen → Geblokkeerde logins*): who is
locked out after too many wrong passwords, until when, and an "Ontgrendel" button.

Only the secretariat and administrators may see or use it; ``may_unlock_logins`` is the one
place that says so (the menu item and both views ask it)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem

from home.roles import SECRETARIAT
from home.security.lockout import current_lockouts, unlock
from home.users import refuse

ONLY_SECRETARIAT = gettext_lazy(
    "Alleen het secretariaat en beheerders kunnen geblokkeerde logins ontgrendelen."
)


def may_unlock_logins(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=SECRETARIAT).exists())


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock_logins(request.user)


def lockouts(request):
    if not may_unlock_logins(request.user):
        return refuse(request, ONLY_SECRETARIAT)
    return TemplateResponse(
        request,
        "home/security/lockouts.html",
        {
            "page_title": _("Geblokkeerde logins"),
            "lockouts": current_lockouts(),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
    )


@require_POST
def unlock_login(request):
    if not may_unlock_logins(request.user):
        return refuse(request, ONLY_SECRETARIAT)
    username = request.POST.get("username", "").strip()
    address = request.POST.get("address", "").strip()
    if username:
        unlock(username=username)
        messages.success(
            request, _("Het account %(username)s is ontgrendeld.") % {"username": username}
        )
    elif address:
        unlock(address=address)
        messages.success(request, _("Het adres %(address)s is ontgrendeld.") % {"address": address})
    else:
        messages.error(request, _("Kies welk account of adres u wilt ontgrendelen."))
    return redirect("home_login_lockouts")
