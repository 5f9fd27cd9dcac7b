"""The mails to people who follow something by email: the confirmation link of a new
subscription, and news of a status change.

One action (a reply, a whole verdicts page, a follow-up, sending a letter) is one
``StatusChange``, and every confirmed follower it concerns gets exactly one mail about it:

- a follower of the letter or of one of its themes hears of every changed recommendation and
  of the letter's own new status; the mail is about the broadest thing they follow (a theme
  covers its letters, a letter its recommendations);
- a follower of recommendations only hears of those of them that changed; one mail, however
  many of them, with a link to stop following each.

``status_change_messages`` loads what it needs in a fixed number of queries, whatever the
number of recommendations and followers. Composing sends nothing: ``tasks`` does that.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from advices.lifecycle.statuses import LetterStatus, PublicStatus, Verdict
from advices.lifecycle.subscription_terms import confirm_max_age
from advices.models import AdviceLetter, FollowTarget, Recommendation, Subscription
from advices.notify.public_names import with_public_names
from advices.notify.subscriptions import (
    PageLinks,
    Target,
    confirm_url,
    site_base_url,
    unsubscribe_url,
)

# Broadest first: an address that follows several matching things gets one mail, about the
# subscription that covers the most.
BREADTH = [FollowTarget.THEME, FollowTarget.LETTER, FollowTarget.RECOMMENDATION]


# -- the confirmation link -------------------------------------------------------------------


def confirmation_message(subscription, target, base=None):
    """The double opt-in mail: a signed link, valid for ``confirm_max_age()``."""
    context = {
        "target_label": target.label,
        "confirm_url": confirm_url(subscription, base),
        "days": confirm_max_age().days,
        "new_requests": target.type == FollowTarget.REQUESTS,
    }
    subject = _("Bevestig dat u %(target)s wilt volgen") % {"target": target.label}
    body = render_to_string("advices/email/follow_confirm.txt", context)
    (message,) = with_public_names([EmailMessage(subject, body, None, [subscription.email])])
    return message


# -- news of a status change -----------------------------------------------------------------


def _status_label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value


@dataclass
class Item:
    """One line of a status mail."""

    text: str
    url: str | None
    recommendation_id: int | None = None  # None: the letter's own status


def _recommendation_item(change, recommendation, links):
    status = _status_label(PublicStatus, change.after)
    if change.after == PublicStatus.VERDICT_GIVEN and change.verdict:
        status = f"{status} ({_status_label(Verdict, change.verdict)})"
    target = Target(
        FollowTarget.RECOMMENDATION, recommendation.pk, recommendation, recommendation.letter
    )
    return Item(
        text=_("Aanbeveling %(label)s heeft een nieuwe status: %(after)s (was: %(before)s).")
        % {
            "label": recommendation.label,
            "after": status,
            "before": _status_label(PublicStatus, change.before),
        },
        url=links.page_url(target),
        recommendation_id=recommendation.pk,
    )


def _letter_item(change, letter, links):
    return Item(
        text=_(
            "Het advies %(reference)s ‘%(subject)s’ heeft een nieuwe status: "
            "%(after)s (was: %(before)s)."
        )
        % {
            "reference": letter.reference,
            "subject": letter.subject,
            "after": _status_label(LetterStatus, change.letter_after),
            "before": _status_label(LetterStatus, change.letter_before),
        },
        url=links.page_url(Target(FollowTarget.LETTER, letter.pk, letter, letter)),
    )


def _follow_label(targets):
    """How the mail names what the reader follows: one target, or several recommendations."""
    if len(targets) == 1:
        return targets[0].label
    labels = [target.obj.label for target in targets]
    return _("de aanbevelingen %(labels)s") % {"labels": str(get_text_list(labels, _("en")))}


def unsubscribe_headers(leave):
    """RFC 8058: a mail program unsubscribes with one POST to this link."""
    return {"List-Unsubscribe": f"<{leave}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _message(email, targets, subscriptions, items, base):
    label = _follow_label(targets)
    leave = unsubscribe_url(subscriptions[0], base=base)
    context = {"target_label": label, "items": items, "unsubscribe_url": leave}
    if len(subscriptions) > 1:
        context["unsubscribe_links"] = [
            {"label": target.label, "url": unsubscribe_url(subscription, base=base)}
            for target, subscription in zip(targets, subscriptions, strict=True)
        ]
    return EmailMessage(
        _("Nieuws over %(target)s") % {"target": label},
        render_to_string("advices/email/follow_change.txt", context),
        None,
        [email],
        headers=unsubscribe_headers(leave),
    )


def status_change_messages(change):
    """One ``EmailMessage`` per confirmed follower of what ``change`` touched, at most.

    Nine queries at most, whatever the number of recommendations and followers: the
    letter, its themes, the changed recommendations, the subscriptions, the advice index (and
    its view restrictions), the sites' root paths (cached after the first time), the site and
    the names to hide (``public_names``).
    """
    letter = (
        AdviceLetter.objects.public().filter(pk=change.letter_id).prefetch_related("themes").first()
    )
    if letter is None:  # not public (any more): nobody may hear of it
        return []
    themes = {theme.pk: theme for theme in letter.themes.all()}
    changes = {c.recommendation_id: c for c in change.recommendations if c.before != c.after}
    recommendations = {}
    if changes:
        for recommendation in Recommendation.objects.filter(letter=letter, pk__in=list(changes)):
            recommendation.letter = letter
            recommendations[recommendation.pk] = recommendation

    wanted = Q(target_type=FollowTarget.LETTER, target_id=letter.pk)
    if themes:
        wanted |= Q(target_type=FollowTarget.THEME, target_id__in=list(themes))
    if recommendations:
        wanted |= Q(target_type=FollowTarget.RECOMMENDATION, target_id__in=list(recommendations))
    subscriptions = Subscription.objects.filter(wanted, confirmed_at__isnull=False).order_by(
        "email", "pk"
    )
    by_email = defaultdict(list)
    for subscription in subscriptions:
        by_email[subscription.email].append(subscription)
    if not by_email:
        return []

    links = PageLinks()
    base = site_base_url()
    ordered = sorted(recommendations.values(), key=lambda r: (r.number, r.pk))
    recommendation_items = [_recommendation_item(changes[r.pk], r, links) for r in ordered]
    all_items = list(recommendation_items)
    if change.letter_changed:
        all_items.append(_letter_item(change, letter, links))

    def target_of(subscription):
        if subscription.target_type == FollowTarget.THEME:
            return Target(
                subscription.target_type, subscription.target_id, themes[subscription.target_id]
            )
        if subscription.target_type == FollowTarget.LETTER:
            return Target(subscription.target_type, letter.pk, letter, letter)
        recommendation = recommendations[subscription.target_id]
        return Target(subscription.target_type, recommendation.pk, recommendation, letter)

    messages = []
    for email, followed in by_email.items():
        broad = [s for s in followed if s.target_type != FollowTarget.RECOMMENDATION]
        if broad:
            chosen = [min(broad, key=lambda s: (BREADTH.index(s.target_type), s.target_id))]
            items = all_items
        else:
            chosen = sorted(
                followed,
                key=lambda s: (recommendations[s.target_id].number, s.target_id),
            )
            ids = {s.target_id for s in chosen}
            items = [item for item in recommendation_items if item.recommendation_id in ids]
        if not items:
            continue
        targets = [target_of(subscription) for subscription in chosen]
        messages.append(_message(email, targets, chosen, items, base))
    return with_public_names(messages)


# -- a new request for advice ----------------------------------------------------------------


def new_request_messages(advice_request):
    """One mail to every confirmed follower of the new requests, about ``advice_request``:
    a fixed number of queries (the followers, the pages, the names to hide), whatever their
    number."""
    subscriptions = list(
        Subscription.objects.filter(
            target_type=FollowTarget.REQUESTS, confirmed_at__isnull=False
        ).order_by("email", "pk")
    )
    if not subscriptions:
        return []
    base = site_base_url()
    context = {
        "request": advice_request,
        "url": PageLinks().request_url(advice_request),
        "target_label": Target(FollowTarget.REQUESTS, 0, None).label,
    }
    messages = []
    for subscription in subscriptions:
        leave = unsubscribe_url(subscription, base=base)
        messages.append(
            EmailMessage(
                _("Nieuwe adviesaanvraag: %(reference)s %(subject)s")
                % {"reference": advice_request.reference, "subject": advice_request.subject},
                render_to_string(
                    "advices/email/follow_new_request.txt", {**context, "unsubscribe_url": leave}
                ),
                None,
                [subscription.email],
                headers=unsubscribe_headers(leave),
            )
        )
    return with_public_names(messages)
