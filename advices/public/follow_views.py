"""Follow by email: the form, the confirmation link, and the unsubscribe link (one click on
its button, or one click in a mail program that offers it).

A bad, changed or expired link gets a page that says so, in plain Dutch, with status 400.
The confirmation mail is a background task, enqueued once the subscription is committed: the
request never waits for a mail server.

The follow form needs no CSRF token, so the pages that hold it (a letter, a recommendation,
a theme) are the same for every visitor and can be cached whole. It stays safe without one:
a post must come from one of the site's own pages (its ``Origin``, or ``Referer`` when a
browser sends no Origin), it only starts a double opt-in, and it is limited: one
confirmation mail per address and thing followed per window (decided by the database),
a few per address, and a number of posts per client (``rate_limits``). Whether a mail went
out is never shown: the visitor always gets the same "check your mailbox" page.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
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

from advices.lifecycle.subscription_terms import confirm_max_age
from advices.models import FollowTarget
from advices.notify import subscriptions
from advices.notify.tasks import mail_confirmation
from advices.public import rate_limits
from home.models import Theme
from home.security.client_ip import client_ip


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
            % {"days": confirm_max_age().days},
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


def from_this_site(request):
    """Whether a post came from a page of this site: its ``Origin`` (or, when a browser sends
    none, its ``Referer``) is the address the request came in on, or one of
    ``CSRF_TRUSTED_ORIGINS``. A post with neither header, or with ``Origin: null``, is not."""
    source = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER")
    if not source:
        return False
    parts = urlsplit(source)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    own = f"{request.scheme}://{request.get_host()}".lower()
    trusted = {item.rstrip("/").lower() for item in settings.CSRF_TRUSTED_ORIGINS}
    return origin == own or origin in trusted


def _form_page(request, form, target, status, notice=None):
    return TemplateResponse(
        request,
        "advices/follow/subscribe.html",
        {
            "form": form,
            "target": target,
            "target_url": target.page_url(request),
            "action": request.path,
            "notice": notice,
        },
        status=status,
    )


def not_from_this_site(request, reason=None):
    """403 for a post that did not come from this site's pages; ``reason`` says what was
    refused (by default: a subscription)."""
    return TemplateResponse(
        request,
        "403.html",
        {
            "exception": reason
            or _(
                "Uw aanmelding is niet verstuurd: ze kwam niet van een pagina van deze website. "
                "Er is niets opgeslagen. Open de pagina op deze website en meld u daar aan."
            )
        },
        status=403,
    )


TOO_MANY_POSTS = gettext_lazy(
    "U heeft dit formulier vaak achter elkaar verstuurd. Wacht even en probeer het "
    "dan opnieuw; uw e-mailadres staat nog in het formulier."
)


def client_must_wait(request):
    """Count this post against its client's limit: 0 if it may go on, else the seconds until
    the client may post again (for ``Retry-After``)."""
    per_client = rate_limits.follow_posts_per_client()
    if per_client.spend(client_ip(request) or ""):
        return 0
    return per_client.retry_after()


# No CSRF token (see the module's docstring): the origin check, the double opt-in and the
# limits take its place, and the pages with the form stay the same for everyone.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request, target_type, pk=None, slug=None):
    """The form to follow something by email; a valid POST has the confirmation mailed (a
    task, enqueued after the commit) unless one went out within the follow window, and
    redirects to the page that says to look in the mailbox."""
    if target_type == FollowTarget.THEME:
        theme = Theme.objects.filter(slug=slug).first()
        pk = theme.pk if theme else None
    elif target_type == FollowTarget.REQUESTS:
        pk = subscriptions.ALL_REQUESTS
    target = subscriptions.find_target(target_type, pk)
    if target is None:
        raise Http404("Dit kunt u niet volgen.")
    if request.method != "POST":
        return _form_page(request, FollowForm(), target, status=200)
    if not from_this_site(request):
        return not_from_this_site(request)
    form = FollowForm(request.POST)
    wait = client_must_wait(request)
    if wait:
        response = _form_page(request, form, target, status=429, notice=TOO_MANY_POSTS)
        response["Retry-After"] = str(wait)
        return response
    if not form.is_valid():
        return _form_page(request, form, target, status=400)
    email = subscriptions.normalize_email(form.cleaned_data["email"])
    subscription = subscriptions.subscribe(email, target)
    # The same page whether a mail goes out or not: it tells nobody whether the address is
    # known, or already follows this.
    if subscriptions.claim_confirmation_mail(subscription) and (
        rate_limits.follow_mails_per_address().spend(email)
    ):
        subscription_id, base = subscription.pk, subscriptions.request_base_url(request)
        transaction.on_commit(lambda: mail_confirmation.enqueue(subscription_id, base))
    return redirect("follow:sent")


@require_GET
def sent(request):
    return TemplateResponse(
        request,
        "advices/follow/sent.html",
        {"days": confirm_max_age().days, "repeat_hours": subscriptions.repeat_window_hours()},
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
