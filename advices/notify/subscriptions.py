"""Follow a recommendation, a letter, a theme or the new requests for advice by email,
without an account.

* ``subscribe`` stores an unconfirmed ``Subscription`` (or reuses the one there is);
  ``claim_confirmation_mail`` then says whether this request may have ``follower_mail`` mail
  a signed link that is valid for ``ADVICES_FOLLOW_CONFIRM_DAYS`` days (double opt-in): at
  most one mail per address and thing followed within the follow window, however many
  requests come in at once; ``delete_expired`` removes the unconfirmed ones whose link has
  expired (``advices.lifecycle.subscription_terms``);
* ``confirm`` and ``unsubscribe`` read signed tokens; a bad, changed or expired token raises
  ``signing.BadSignature`` (``SignatureExpired`` for an old one), for the view to explain;
* ``Target`` and ``find_target``: what can be followed (only what is public), how a page or a
  mail names it, and its public page (``PageLinks`` finds the pages of many at a fixed cost).

Only the address and what it follows are stored; unsubscribing deletes the row.
``stored_data`` is what is stored about one address, for the mail that tells its owner.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from advices.lifecycle.subscription_terms import confirm_max_age, expired_unconfirmed
from advices.models import AdviceLetter, FollowTarget, Recommendation, Subscription
from advices.pages import AdviceIndexPage
from advices.pages.request_index import AdviceRequestIndexPage
from home.models import Theme
from home.site_address import absolute_url, page_full_url, site_root_url

# The salts are part of every link already mailed: changing them breaks those links.
CONFIRM_SALT = "advices.follow.confirm"
UNSUBSCRIBE_SALT = "advices.follow.unsubscribe"


def normalize_email(address):
    return address.strip().lower()


def repeat_window():
    """How long a repeated subscription sends no new mail (``ADVICES_FOLLOW_REPEAT_WINDOW``,
    seconds)."""
    return datetime.timedelta(seconds=settings.ADVICES_FOLLOW_REPEAT_WINDOW)


def repeat_window_hours():
    """The follow window in whole hours (at least one), as pages state it."""
    return max(1, round(repeat_window().total_seconds() / 3600))


# -- what can be followed ------------------------------------------------------------------


@dataclass
class Target:
    type: str
    id: int
    obj: object
    letter: object = None

    @property
    def label(self):
        """How a mail or a page names it: "aanbeveling 2022-07 / 3"."""
        if self.type == FollowTarget.RECOMMENDATION:
            return _("aanbeveling %(label)s") % {"label": self.obj.label}
        if self.type == FollowTarget.LETTER:
            return _("het advies %(reference)s ‘%(subject)s’") % {
                "reference": self.obj.reference,
                "subject": self.obj.subject,
            }
        if self.type == FollowTarget.REQUESTS:
            return _("de nieuwe adviesaanvragen")
        return _("het thema %(name)s") % {"name": self.obj.name}

    def page_url(self, request=None):
        """The public page of what is followed (absolute without a request), or None."""
        return PageLinks(request).page_url(self)


class PageLinks:
    """The public pages of followed things. The advice index and its address are looked up
    once, so a mail to many followers about many recommendations costs the same few queries.
    Without a request the addresses are absolute (for a mail)."""

    def __init__(self, request=None):
        self.request = request
        self.index = AdviceIndexPage.for_request(request)
        if self.index is None:
            self.base = None
        else:
            # On the site a path will do; a mail needs the site's full address.
            self.base = self.index.get_url(request) if request else page_full_url(self.index)

    def page_url(self, target):
        if target.type == FollowTarget.REQUESTS:
            return self.requests_page_url()
        if self.index is None or self.base is None:
            return None
        if target.type == FollowTarget.RECOMMENDATION:
            tail = self.index.reverse_subpage(
                "recommendation", args=[target.letter.reference, target.obj.number]
            )
        elif target.type == FollowTarget.LETTER:
            tail = self.index.reverse_subpage("letter", args=[target.obj.reference])
        else:
            # A theme's filtered list, on the site only (a mail links to what changed).
            return self.index.theme_url(target.obj, self.request) if self.request else None
        return self.base + tail

    @cached_property
    def requests_page(self):
        return AdviceRequestIndexPage.for_request(self.request)

    def requests_page_url(self):
        """The "Adviesaanvragen" page (absolute without a request), or None."""
        page = self.requests_page
        if page is None:
            return None
        return page.get_url(self.request) if self.request else page_full_url(page)

    def request_url(self, advice_request):
        """A request's own page (absolute without a request), or None."""
        page = self.requests_page
        if page is None:
            return None
        if self.request:
            return page.request_url(advice_request, self.request)
        return page.request_full_url(advice_request)


# The one list of new requests is followed as a whole: its id is always this.
ALL_REQUESTS = 0


def find_target(target_type, target_id):
    """The public thing ``target_type``/``target_id`` points at, or None."""
    try:
        target_id = int(target_id)
    except (TypeError, ValueError):
        return None
    return find_targets([(target_type, target_id)]).get((target_type, target_id))


def find_targets(keys):
    """``{(target_type, target_id): Target}`` for the public things among ``keys``: one query
    per kind of thing asked for, however many."""
    wanted = {kind: set() for kind in FollowTarget.values}
    for target_type, target_id in keys:
        if target_type in wanted:
            wanted[target_type].add(target_id)
    found = {}
    if wanted[FollowTarget.RECOMMENDATION]:
        recommendations = Recommendation.objects.public().select_related("letter")
        for item in recommendations.filter(pk__in=wanted[FollowTarget.RECOMMENDATION]):
            found[FollowTarget.RECOMMENDATION, item.pk] = Target(
                FollowTarget.RECOMMENDATION, item.pk, item, item.letter
            )
    if wanted[FollowTarget.LETTER]:
        for letter in AdviceLetter.objects.public().filter(pk__in=wanted[FollowTarget.LETTER]):
            found[FollowTarget.LETTER, letter.pk] = Target(
                FollowTarget.LETTER, letter.pk, letter, letter
            )
    if ALL_REQUESTS in wanted[FollowTarget.REQUESTS]:
        found[FollowTarget.REQUESTS, ALL_REQUESTS] = Target(
            FollowTarget.REQUESTS, ALL_REQUESTS, None
        )
    if wanted[FollowTarget.THEME]:
        for theme in Theme.objects.filter(pk__in=wanted[FollowTarget.THEME]):
            found[FollowTarget.THEME, theme.pk] = Target(FollowTarget.THEME, theme.pk, theme)
    return found


# -- subscribing, confirming, unsubscribing --------------------------------------------------


def subscribe(email, target):
    """The subscription of ``email`` to ``target``: new and unconfirmed, or the one there is.

    A second submit (or a double click) finds the first row; the unique constraint catches
    two requests at the same moment. Unconfirmed rows whose link has expired are removed.
    Whether a mail goes out is ``claim_confirmation_mail``'s decision.
    """
    email = normalize_email(email)
    delete_expired()
    lookup = {"email": email, "target_type": target.type, "target_id": target.id}
    subscription = Subscription.objects.filter(**lookup).first()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(**lookup)
        except IntegrityError:
            subscription = Subscription.objects.get(**lookup)
    return subscription


def delete_expired(now=None):
    """Delete the unconfirmed subscriptions whose confirmation link has expired; how many.
    Idempotent: a second run finds none of them."""
    deleted, _rows = Subscription.objects.filter(
        expired_unconfirmed(now or timezone.now())
    ).delete()
    return deleted


def claim_confirmation_mail(subscription):
    """True if this request is the one that mails ``subscription``'s confirmation link.

    One conditional UPDATE decides, so the database picks exactly one winner among any
    number of requests at the same moment, in any number of processes (PostgreSQL re-checks
    the condition after waiting for the row lock; SQLite runs one writer at a time): the row
    must be unconfirmed, and its last mail must be older than the follow window. The winner
    also renews ``created_at``, so the row lives as long as the new link works. A confirmed
    subscription gets no mail: there is nothing left to confirm.
    """
    now = timezone.now()
    claimed = (
        Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True)
        .filter(
            Q(confirmation_sent_at__isnull=True)
            | Q(confirmation_sent_at__lte=now - repeat_window())
        )
        .update(confirmation_sent_at=now, created_at=now)
    )
    return claimed == 1


def make_token(subscription, salt):
    return signing.dumps(
        [subscription.email, subscription.target_type, subscription.target_id],
        salt=salt,
        compress=True,
    )


def read_token(token, salt, max_age=None):
    """``(email, target_type, target_id)``; ``signing.BadSignature`` for anything else."""
    value = signing.loads(token, salt=salt, max_age=max_age)
    try:
        email, target_type, target_id = value
        if target_type not in FollowTarget.values:
            raise ValueError(target_type)
        return str(email), target_type, int(target_id)
    except (TypeError, ValueError) as error:
        raise signing.BadSignature("Onbekende inhoud") from error


def confirm(token):
    """Confirm the subscription of a confirmation link; None if it no longer exists."""
    email, target_type, target_id = read_token(token, CONFIRM_SALT, confirm_max_age())
    subscription = Subscription.objects.filter(
        email=email, target_type=target_type, target_id=target_id
    ).first()
    if subscription is not None and not subscription.is_confirmed:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscribe_target(token):
    """What an unsubscribe link is about, without changing anything:
    ``(target_type, target_id, still_subscribed)``; ``signing.BadSignature`` for a bad link."""
    email, target_type, target_id = read_token(token, UNSUBSCRIBE_SALT)
    subscribed = Subscription.objects.filter(
        email=email, target_type=target_type, target_id=target_id
    ).exists()
    return target_type, target_id, subscribed


def unsubscribe(token):
    """Delete the subscription of an unsubscribe link; ``(target_type, target_id, deleted)``."""
    email, target_type, target_id = read_token(token, UNSUBSCRIBE_SALT)
    deleted, _rows = Subscription.objects.filter(
        email=email, target_type=target_type, target_id=target_id
    ).delete()
    return target_type, target_id, bool(deleted)


# -- the signed links ----------------------------------------------------------------------


def site_base_url():
    """The site's address without a trailing slash, for links in a mail (no request)."""
    return site_root_url()


def request_base_url(request):
    """The address the request came in on, without a trailing slash: a mail composed later,
    in a task, links back to the host the visitor used."""
    return absolute_url("/", request).rstrip("/")


def absolute(path, request=None, base=None):
    if request is None and base is not None:
        return base + path
    return absolute_url(path, request)


def confirm_url(subscription, base=None):
    token = make_token(subscription, CONFIRM_SALT)
    return absolute(reverse("follow:confirm", args=[token]), base=base)


def unsubscribe_url(subscription, request=None, base=None):
    token = make_token(subscription, UNSUBSCRIBE_SALT)
    return absolute(reverse("follow:unsubscribe", args=[token]), request, base)
