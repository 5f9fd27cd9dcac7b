"""After the password, the second step: until it is done, no admin URL works.

Installed after django-otp's ``OTPMiddleware`` (which tells whether this session gave a code).
For every URL under the admin (pages, snippets, choosers, the admin API, users, account):

- a user who has set up two-factor authentication and has not given a code in this session is
  sent to the verification step;
- a user who must use it (``home.two_factor.policy.two_factor_required``) and has not set it
  up is sent to the setup page.

Only logging out, the step itself, and what those pages load (the icon sprite, the
translations for the admin's scripts) stay reachable. Outside the admin the public site works
as usual, but such a half-logged-in session counts as not logged in: a password alone opens
nothing that needs a login (private pages or documents, the editing bar).

A GET is redirected to the step (and back afterwards); any other method is refused with 403.
"""

from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from home.two_factor.policy import has_two_factor, is_verified, two_factor_required

# What a half-logged-in user may still reach under the admin, besides the step itself.
ALWAYS_REACHABLE = {
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
VERIFY = "home_two_factor_verify"
SETUP = "home_two_factor_setup"

CODE_FIRST = _("Vul eerst de code uit uw authenticator-app in.")
SETUP_FIRST = _("Stel eerst tweestapsverificatie in.")


def _url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


def _anonymous(request):
    request.user = AnonymousUser()

    async def auser():
        return request.user

    request.auser = auser


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.guard(request)
        return response if response is not None else self.get_response(request)

    def guard(self, request):
        user = request.user
        if not user.is_authenticated:
            return None
        has_app = has_two_factor(user)  # one query per logged-in request
        if has_app and not is_verified(user):
            step, reason = VERIFY, CODE_FIRST
        elif not has_app and two_factor_required(user):
            step, reason = SETUP, SETUP_FIRST
        else:
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            _anonymous(request)
            return None
        name = _url_name(request)
        if name == step or name in ALWAYS_REACHABLE:
            return None
        if request.method in ("GET", "HEAD"):
            return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        # The plain login look, not the admin with its menu: nothing is shown before the step.
        return render(
            request,
            "home/two_factor/step_first.html",
            {"reason": reason, "step_url": reverse(step)},
            status=403,
        )
