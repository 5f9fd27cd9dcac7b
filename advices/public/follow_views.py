"""Follow by email: the form, the confirmation link, and the unsubscribe link (one click on
its button, or one click in a mail program that offers it).

A bad, changed or expired link gets a page that says so, in plain Dutch, with status 400.
The confirmation mail is a background task, enqueued once the subscription is committed: the
request never waits for a mail server.
"""

from django import forms
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from advices.models import FollowTarget
from advices.notify import subscriptions
from advices.notify.tasks import mail_confirmation
from home.models import Theme


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Uw e-mailadres"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Vul uw e-mailadres in."),
            "invalid": gettext_lazy("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        },
    )


def _bad_link(request, reason):
    messages = {
        "expired": (
            _("Deze link is verlopen"),
            _(
                "Een link om te bevestigen werkt %(days)d dagen. Deze link is ouder. "
                "Meld u opnieuw aan; u krijgt dan een nieuwe link."
            )
            % {"days": subscriptions.CONFIRM_MAX_AGE.days},
        ),
        "bad": (
            _("Deze link klopt niet"),
            _(
                "Misschien is de link niet helemaal overgenomen. Kopieer de hele link uit de "
                "e-mail en plak die in de adresbalk van uw browser."
            ),
        ),
        "gone": (
            _("Deze aanmelding bestaat niet meer"),
            _("Misschien heeft u zich al afgemeld. Wilt u toch volgen? Meld u dan opnieuw aan."),
        ),
    }
    title, text = messages[reason]
    return TemplateResponse(
        request,
        "advices/follow/bad_link.html",
        {"title": title, "text": text, "reason": reason},
        status=400,
    )


@require_http_methods(["GET", "POST"])
def subscribe(request, target_type, pk=None, slug=None):
    """The form to follow something by email; a valid POST has the confirmation mailed (a
    task, enqueued after the commit) and redirects to the page that says so."""
    if target_type == FollowTarget.THEME:
        theme = Theme.objects.filter(slug=slug).first()
        pk = theme.pk if theme else None
    target = subscriptions.find_target(target_type, pk)
    if target is None:
        raise Http404("Dit kunt u niet volgen.")
    form = FollowForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscription = subscriptions.subscribe(form.cleaned_data["email"], target)
        subscription_id, base = subscription.pk, subscriptions.request_base_url(request)
        transaction.on_commit(lambda: mail_confirmation.enqueue(subscription_id, base))
        return redirect("follow:sent")
    return TemplateResponse(
        request,
        "advices/follow/subscribe.html",
        {
            "form": form,
            "target": target,
            "target_url": target.page_url(request),
            "action": request.path,
        },
        status=400 if form.is_bound else 200,
    )


@require_GET
def sent(request):
    return TemplateResponse(
        request, "advices/follow/sent.html", {"days": subscriptions.CONFIRM_MAX_AGE.days}
    )


@never_cache
@require_GET
def confirm(request, token):
    try:
        subscription = subscriptions.confirm(token)
    except signing.SignatureExpired:
        return _bad_link(request, "expired")
    except signing.BadSignature:
        return _bad_link(request, "bad")
    if subscription is None:
        return _bad_link(request, "gone")
    target = subscriptions.find_target(subscription.target_type, subscription.target_id)
    return TemplateResponse(
        request,
        "advices/follow/confirmed.html",
        {
            "target": target,
            "target_url": target.page_url(request) if target else None,
            "unsubscribe_url": subscriptions.unsubscribe_url(subscription, request),
        },
    )


# Opening the link only asks; the button (a POST) unsubscribes. Mail scanners open every
# link in a mail, and would otherwise unsubscribe the reader without their knowing. A mail
# program that supports one-click unsubscribe (RFC 8058, the List-Unsubscribe-Post header)
# sends that POST itself, without a CSRF token: the signed token in the URL is the proof.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        if request.method == "POST":
            target_type, target_id, _deleted = subscriptions.unsubscribe(token)
            subscribed = False
        else:
            target_type, target_id, subscribed = subscriptions.unsubscribe_target(token)
    except signing.BadSignature:
        return _bad_link(request, "bad")
    target = subscriptions.find_target(target_type, target_id)
    return TemplateResponse(
        request,
        "advices/follow/unsubscribe.html" if subscribed else "advices/follow/unsubscribed.html",
        {"target": target, "target_url": target.page_url(request) if target else None},
    )
