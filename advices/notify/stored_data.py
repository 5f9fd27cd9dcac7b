"""The mail that tells someone what is stored about their address (AVG, right of access).

Asked for on a public page (``advices.public.my_data_views``) and sent to that address only,
so only the mailbox's owner reads it. An address that is not known gets a mail that says so:
the page looks the same either way. Composing sends nothing: ``tasks`` does that.
"""

from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from advices.lifecycle.subscription_terms import confirm_max_age, deleted_on
from advices.models import Subscription
from advices.notify.public_names import with_public_names
from advices.notify.subscriptions import (
    PageLinks,
    find_targets,
    normalize_email,
    site_base_url,
    unsubscribe_url,
)


@dataclass
class StoredSubscription:
    """One subscription as its follower reads it in the mail."""

    label: str
    url: str | None
    created_at: object
    confirmed_at: object
    confirmation_sent_at: object
    deleted_on: object  # None once confirmed: it stays until its follower unsubscribes
    unsubscribe_url: str


def stored_subscriptions(email, base=None):
    """Everything stored about ``email``, one entry per subscription: a fixed number of
    queries, however many it follows."""
    subscriptions = list(
        Subscription.objects.filter(email=normalize_email(email)).order_by("created_at", "pk")
    )
    if not subscriptions:
        return []
    targets = find_targets((s.target_type, s.target_id) for s in subscriptions)
    links = PageLinks()
    entries = []
    for subscription in subscriptions:
        target = targets.get((subscription.target_type, subscription.target_id))
        entries.append(
            StoredSubscription(
                # Followed once, no longer public (withdrawn): still stored, so still listed.
                label=target.label
                if target
                else _("%(kind)s nummer %(id)s, die niet meer openbaar is")
                % {"kind": subscription.get_target_type_display(), "id": subscription.target_id},
                url=links.page_url(target) if target else None,
                created_at=subscription.created_at,
                confirmed_at=subscription.confirmed_at,
                confirmation_sent_at=subscription.confirmation_sent_at,
                deleted_on=None
                if subscription.is_confirmed
                else deleted_on(subscription.created_at),
                unsubscribe_url=unsubscribe_url(subscription, base=base or site_base_url()),
            )
        )
    return entries


def stored_data_message(email, base=None):
    """The mail to ``email`` with what is stored about it (or that nothing is)."""
    email = normalize_email(email)
    context = {
        "email": email,
        "entries": stored_subscriptions(email, base),
        "confirm_days": confirm_max_age().days,
    }
    message = EmailMessage(
        _("Welke gegevens wij over uw e-mailadres bewaren"),
        render_to_string("advices/email/stored_data.txt", context),
        None,
        [email],
    )
    # What they follow is named by its subject, which may quote a name.
    return with_public_names([message])[0]
