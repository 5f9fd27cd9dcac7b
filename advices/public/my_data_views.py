"""Ask what is stored about your address (AVG, right of access): a page with one field; the
answer goes by mail to that address, never onto the page.

The page is the same whatever was typed: it does not say whether the address is known, and a
mail goes out either way (listing the subscriptions, or saying there are none), enqueued after
the response is decided so the response takes the same time. Like the follow form it needs
no CSRF token (a visitor who does not log in gets no cookie, as the privacy page promises):
a post must come from the site's own pages, and the follow form's limits apply, per client
and per address, counted together with it.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from advices.notify import subscriptions
from advices.notify.tasks import mail_stored_data
from advices.public import rate_limits
from advices.public.follow_views import (
    TOO_MANY_POSTS,
    FollowForm,
    client_must_wait,
    from_this_site,
    not_from_this_site,
)


def _form_page(request, form, status, notice=None):
    return TemplateResponse(
        request,
        "advices/follow/my_data.html",
        {"form": form, "action": request.path, "notice": notice},
        status=status,
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def my_data(request):
    if request.method != "POST":
        return _form_page(request, FollowForm(), status=200)
    if not from_this_site(request):
        return not_from_this_site(
            request,
            _(
                "Uw vraag is niet verstuurd: ze kwam niet van een pagina van deze website. Open "
                "de pagina op deze website en vraag het daar."
            ),
        )
    form = FollowForm(request.POST)
    wait = client_must_wait(request)
    if wait:
        response = _form_page(request, form, status=429, notice=TOO_MANY_POSTS)
        response["Retry-After"] = str(wait)
        return response
    if not form.is_valid():
        return _form_page(request, form, status=400)
    email = subscriptions.normalize_email(form.cleaned_data["email"])
    if rate_limits.follow_mails_per_address().spend(email):
        base = subscriptions.request_base_url(request)
        transaction.on_commit(lambda: mail_stored_data.enqueue(email, base))
    return redirect(reverse("follow:my_data_sent"))


@require_GET
def my_data_sent(request):
    return TemplateResponse(request, "advices/follow/my_data_sent.html")
