"""The pages of two-factor authentication, in the admin (``/admin/tweestapsverificatie/``):
the step after the password, the account page with setup, recovery codes and removal."""

from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from home.two_factor import devices
from home.two_factor.forms import AppCodeForm, RecoveryCodeForm, RemoveForm
from home.two_factor.policy import has_two_factor, is_verified, two_factor_required

NEW_CODES_SESSION_KEY = "two_factor_new_recovery_codes"


def _next_url(request, default=None):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("wagtailadmin_home")


def _refusal(result):
    if result.wait_until:
        return _(
            "U hebt te vaak een verkeerde code ingevuld. Probeer het opnieuw vanaf %(time)s."
        ) % {"time": timezone.localtime(result.wait_until).strftime("%H:%M:%S")}
    return _("Deze code klopt niet. Controleer de code en probeer het opnieuw.")


def _verified(request, device):
    # A new session id for the stronger login, as Django does at login.
    request.session.cycle_key()
    otp_login(request, device)


def verify(request):
    """The step after the password: a code from the app, or a recovery code."""
    user = request.user
    if not has_two_factor(user) or is_verified(user):
        return redirect(_next_url(request))
    errors = []
    app_form, recovery_form = AppCodeForm(), RecoveryCodeForm()
    if request.method == "POST":
        app_form, recovery_form = AppCodeForm(request.POST), RecoveryCodeForm(request.POST)
        app_form.is_valid(), recovery_form.is_valid()
        code = app_form.cleaned_data.get("code") or recovery_form.cleaned_data.get("recovery_code")
        if not code:
            errors.append(_("Vul de code in."))
        else:
            result = devices.check_code(user, code)
            if result.ok:
                _verified(request, result.device)
                if isinstance(result.device, StaticDevice):
                    left = devices.recovery_codes_left(user)
                    messages.warning(
                        request,
                        ngettext(
                            "U hebt een herstelcode gebruikt; u hebt er nog %(count)d. "
                            "Maak nieuwe aan bij Account → Tweestapsverificatie.",
                            "U hebt een herstelcode gebruikt; u hebt er nog %(count)d. "
                            "Maak nieuwe aan bij Account → Tweestapsverificatie.",
                            left,
                        )
                        % {"count": left},
                    )
                return redirect(_next_url(request))
            errors.append(_refusal(result))
    return TemplateResponse(
        request,
        "home/two_factor/verify.html",
        {
            "title": _("Tweestapsverificatie"),
            "app_form": app_form,
            "recovery_form": recovery_form,
            "errors": errors,
            "next": _next_url(request),
        },
        status=200 if not errors else 400,
    )


def overview(request):
    """Account → Tweestapsverificatie: on or off, and what can be done."""
    user = request.user
    return TemplateResponse(
        request,
        "home/two_factor/overview.html",
        {
            "page_title": _("Tweestapsverificatie"),
            "header_icon": "key",
            "enabled": has_two_factor(user),
            "required": two_factor_required(user),
            "codes_left": devices.recovery_codes_left(user),
        },
    )


def setup(request):
    """Scan the QR code (or type the secret) into an app, confirm with its first code."""
    user = request.user
    if has_two_factor(user):
        return redirect("home_two_factor")
    device = devices.pending_app_device(user)
    form = AppCodeForm()
    errors = []
    if request.method == "POST":
        form = AppCodeForm(request.POST)
        form.is_valid()
        code = form.cleaned_data.get("code")
        result = devices.confirm_app(user, device, code) if code else None
        if result is not None and result.ok:
            _verified(request, result.device)
            request.session[NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(user)
            messages.success(request, _("Tweestapsverificatie staat aan."))
            next_url = urlencode({"next": _next_url(request)})
            return redirect(f"{reverse('home_two_factor_recovery_codes')}?{next_url}")
        errors.append(_refusal(result) if result is not None else _("Vul de code in."))
    qr = segno.make(device.config_url, error="m")
    return TemplateResponse(
        request,
        "home/two_factor/setup.html",
        {
            "page_title": _("Tweestapsverificatie instellen"),
            "header_icon": "key",
            "qr_svg": qr.svg_inline(
                scale=5, border=4, dark="#000", light="#fff", title=_("QR-code voor uw app")
            ),
            "secret": devices.readable_secret(device),
            "form": form,
            "errors": errors,
            "required": two_factor_required(user),
            "next": _next_url(request),
        },
        status=200 if not errors else 400,
    )


def recovery_codes(request):
    """New recovery codes are shown here once, right after they are made."""
    if not has_two_factor(request.user):
        return redirect("home_two_factor")
    return TemplateResponse(
        request,
        "home/two_factor/recovery_codes.html",
        {
            "page_title": _("Herstelcodes"),
            "header_icon": "key",
            "codes": request.session.pop(NEW_CODES_SESSION_KEY, None),
            "codes_left": devices.recovery_codes_left(request.user),
            "next": _next_url(request),
        },
    )


@require_POST
def new_recovery_codes(request):
    if not has_two_factor(request.user):
        return redirect("home_two_factor")
    request.session[NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(request.user)
    messages.success(request, _("U hebt tien nieuwe herstelcodes. De oude werken niet meer."))
    return redirect("home_two_factor_recovery_codes")


def remove(request):
    """Turn two-factor authentication off; asks for a valid code first."""
    user = request.user
    if not has_two_factor(user):
        return redirect("home_two_factor")
    form = RemoveForm()
    errors = []
    if request.method == "POST":
        form = RemoveForm(request.POST)
        form.is_valid()
        code = form.cleaned_data.get("code")
        result = devices.check_code(user, code) if code else None
        if result is not None and result.ok:
            devices.remove_two_factor(user)
            messages.success(request, _("Tweestapsverificatie staat uit."))
            return redirect("home_two_factor")
        errors.append(_refusal(result) if result is not None else _("Vul de code in."))
    return TemplateResponse(
        request,
        "home/two_factor/remove.html",
        {
            "page_title": _("Tweestapsverificatie uitzetten"),
            "header_icon": "key",
            "form": form,
            "errors": errors,
            "required": two_factor_required(user),
        },
        status=200 if not errors else 400,
    )
