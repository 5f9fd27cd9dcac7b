"""Follow a recommendation, a letter or a theme by email, without an account.

* ``subscribe`` stores an unconfirmed ``Subscription`` (or reuses the one there is) and
  ``send_confirmation`` mails a signed link that is valid for seven days (double opt-in);
* ``confirm`` and ``unsubscribe`` read signed tokens; a bad, changed or expired token raises
  ``signing.BadSignature`` (``SignatureExpired`` for an old one), for the view to explain;
* ``StatusWatch`` is used by ``advices.actions``: it notes the public status before a
  recording and, if it changed, mails the confirmed followers after the commit.

Only the address and what it follows are stored; unsubscribing deletes the row.
"""

import datetime
import logging
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advices.models import (
    AdviceIndexPage,
    AdviceLetter,
    FollowTarget,
    FollowUp,
    LetterStatus,
    Recommendation,
    RecommendationAnswer,
    Subscription,
)
from advices.models.status import PUBLIC_STATUSES
from advices.progress import PublicStatus, recommendation_status
from home.models import Theme

logger = logging.getLogger(__name__)

CONFIRM_SALT = "advices.follow.confirm"
UNSUBSCRIBE_SALT = "advices.follow.unsubscribe"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)

# Broadest first: an address that follows several matching things gets one mail, from the
# subscription whose mail covers the most (a theme covers its letters, a letter its
# recommendations).
BREADTH = [FollowTarget.THEME, FollowTarget.LETTER, FollowTarget.RECOMMENDATION]


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Uw e-mailadres"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Vul uw e-mailadres in."),
            "invalid": gettext_lazy("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
        },
    )


def normalize_email(address):
    return address.strip().lower()


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
        return _("het thema %(name)s") % {"name": self.obj.name}

    def page_url(self, request=None):
        """The public page of what is followed (absolute without a request), or None."""
        index = AdviceIndexPage.for_request(request)
        if index is None:
            return None
        base = index.get_url(request) if request else index.get_full_url()
        if self.type == FollowTarget.RECOMMENDATION:
            tail = index.reverse_subpage(
                "recommendation", args=[self.letter.reference, self.obj.number]
            )
        elif self.type == FollowTarget.LETTER:
            tail = index.reverse_subpage("letter", args=[self.obj.reference])
        else:
            return index.theme_url(self.obj, request) if request else None
        return base + tail


def find_target(target_type, target_id):
    """The public thing ``target_type``/``target_id`` points at, or None."""
    try:
        target_id = int(target_id)
    except (TypeError, ValueError):
        return None
    if target_type == FollowTarget.RECOMMENDATION:
        recommendation = (
            Recommendation.objects.select_related("letter")
            .filter(pk=target_id, letter__status__in=PUBLIC_STATUSES)
            .first()
        )
        if recommendation:
            return Target(target_type, target_id, recommendation, recommendation.letter)
    elif target_type == FollowTarget.LETTER:
        letter = AdviceLetter.objects.public().filter(pk=target_id).first()
        if letter:
            return Target(target_type, target_id, letter, letter)
    elif target_type == FollowTarget.THEME:
        theme = Theme.objects.filter(pk=target_id).first()
        if theme:
            return Target(target_type, target_id, theme)
    return None


# -- subscribing, confirming, unsubscribing --------------------------------------------------


def subscribe(email, target):
    """The subscription of ``email`` to ``target``: new and unconfirmed, or the one there is.

    A second submit (or a double click) finds the first row; the unique constraint catches
    two requests at the same moment. Unconfirmed rows whose link has expired are removed.
    """
    email = normalize_email(email)
    now = timezone.now()
    Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - CONFIRM_MAX_AGE
    ).delete()
    lookup = {"email": email, "target_type": target.type, "target_id": target.id}
    subscription = Subscription.objects.filter(**lookup).first()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(**lookup)
        except IntegrityError:
            subscription = Subscription.objects.get(**lookup)
    elif not subscription.is_confirmed:
        # A new link is on its way: keep the row as long as that link works.
        Subscription.objects.filter(pk=subscription.pk).update(created_at=now)
    return subscription


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
    email, target_type, target_id = read_token(token, CONFIRM_SALT, CONFIRM_MAX_AGE)
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


def site_base_url():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path, request=None):
    return request.build_absolute_uri(path) if request else site_base_url() + path


def unsubscribe_url(subscription, request=None):
    token = make_token(subscription, UNSUBSCRIBE_SALT)
    return absolute(reverse("follow:unsubscribe", args=[token]), request)


def send_confirmation(subscription, target, request):
    token = make_token(subscription, CONFIRM_SALT)
    context = {
        "target_label": target.label,
        "confirm_url": absolute(reverse("follow:confirm", args=[token]), request),
        "days": CONFIRM_MAX_AGE.days,
    }
    subject = _("Bevestig dat u %(target)s wilt volgen") % {"target": target.label}
    body = render_to_string("advices/email/follow_confirm.txt", context)
    return EmailMessage(subject, body, None, [subscription.email]).send()


# -- status changes ------------------------------------------------------------------------


@dataclass
class Snapshot:
    letter_status: str = ""
    status: str = ""  # the recommendation's public status
    verdict: str = ""


@dataclass
class StatusChange:
    letter_id: int
    recommendation_id: int = None
    letter_before: str = ""
    letter_after: str = ""
    before: str = ""
    after: str = ""
    verdict: str = ""

    @property
    def letter_changed(self):
        return self.letter_before != self.letter_after

    @property
    def recommendation_changed(self):
        return self.recommendation_id is not None and self.before != self.after


class StatusWatch:
    """Note the public status before a recording; after it, mail the followers on commit.

    ``watch = StatusWatch(letter, recommendation_id)`` before the save,
    ``watch.notify_on_commit()`` after it (inside the same transaction).
    """

    def __init__(self, letter, recommendation_id=None):
        self.letter_id = letter.pk
        self.recommendation_id = recommendation_id
        self.before = self.snapshot()

    def snapshot(self):
        snapshot = Snapshot(
            letter_status=AdviceLetter.objects.filter(pk=self.letter_id)
            .values_list("status", flat=True)
            .first()
            or ""
        )
        if self.recommendation_id:
            snapshot.verdict = (
                RecommendationAnswer.objects.filter(recommendation_id=self.recommendation_id)
                .values_list("verdict", flat=True)
                .first()
                or ""
            )
            follow_ups = FollowUp.objects.filter(recommendation_id=self.recommendation_id).only(
                "date", "state", "commitment_id"
            )
            snapshot.status = recommendation_status(snapshot.verdict, list(follow_ups))
        return snapshot

    def notify_on_commit(self):
        after = self.snapshot()
        change = StatusChange(
            letter_id=self.letter_id,
            recommendation_id=self.recommendation_id,
            letter_before=self.before.letter_status,
            letter_after=after.letter_status,
            before=self.before.status,
            after=after.status,
            verdict=after.verdict,
        )
        if change.letter_changed or change.recommendation_changed:
            transaction.on_commit(lambda: notify(change))
        return change


def _status_label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def notify(change):
    """Mail every confirmed follower of what changed; one mail per address. Never raises:
    the recording is already committed, a mail server hiccup must not turn it into an error.
    """
    try:
        with translation.override(settings.LANGUAGE_CODE):
            return _notify(change)
    except Exception:
        logger.exception("Volgers konden niet worden gemaild over %s", change)
        return 0


def _notify(change):
    letter = AdviceLetter.objects.public().filter(pk=change.letter_id).first()
    if letter is None:
        return 0
    themes = {theme.pk: theme for theme in letter.themes.all()}
    wanted = Q(target_type=FollowTarget.LETTER, target_id=letter.pk) | Q(
        target_type=FollowTarget.THEME, target_id__in=list(themes)
    )
    recommendation = None
    if change.recommendation_changed:
        recommendation = Recommendation.objects.filter(pk=change.recommendation_id).first()
    if recommendation is not None:
        recommendation.letter = letter
        wanted |= Q(target_type=FollowTarget.RECOMMENDATION, target_id=recommendation.pk)
    subscriptions = Subscription.objects.filter(wanted, confirmed_at__isnull=False)
    chosen = {}
    for subscription in subscriptions:
        best = chosen.get(subscription.email)
        if best is None or BREADTH.index(subscription.target_type) < BREADTH.index(
            best.target_type
        ):
            chosen[subscription.email] = subscription
    if not chosen:
        return 0

    letter_target = Target(FollowTarget.LETTER, letter.pk, letter, letter)
    items = []
    if recommendation is not None:
        target = Target(FollowTarget.RECOMMENDATION, recommendation.pk, recommendation, letter)
        status = _status_label(PublicStatus, change.after)
        if change.after == PublicStatus.VERDICT_GIVEN and change.verdict:
            from advices.models import Verdict

            status = f"{status} ({_status_label(Verdict, change.verdict)})"
        items.append(
            {
                "only_letter": False,
                "text": _(
                    "Aanbeveling %(label)s heeft een nieuwe status: %(after)s (was: %(before)s)."
                )
                % {
                    "label": recommendation.label,
                    "after": status,
                    "before": _status_label(PublicStatus, change.before),
                },
                "url": target.page_url(),
            }
        )
    if change.letter_changed:
        items.append(
            {
                "only_letter": True,
                "text": _(
                    "Het advies %(reference)s ‘%(subject)s’ heeft een nieuwe status: "
                    "%(after)s (was: %(before)s)."
                )
                % {
                    "reference": letter.reference,
                    "subject": letter.subject,
                    "after": _status_label(LetterStatus, change.letter_after),
                    "before": _status_label(LetterStatus, change.letter_before),
                },
                "url": letter_target.page_url(),
            }
        )

    messages = []
    for subscription in chosen.values():
        if subscription.target_type == FollowTarget.RECOMMENDATION:
            target = Target(subscription.target_type, recommendation.pk, recommendation, letter)
            shown = [item for item in items if not item["only_letter"]]
        elif subscription.target_type == FollowTarget.LETTER:
            target, shown = letter_target, items
        else:
            target = Target(
                subscription.target_type, subscription.target_id, themes[subscription.target_id]
            )
            shown = items
        if not shown:
            continue
        leave = unsubscribe_url(subscription)
        body = render_to_string(
            "advices/email/follow_change.txt",
            {"target_label": target.label, "items": shown, "unsubscribe_url": leave},
        )
        messages.append(
            EmailMessage(
                _("Nieuws over %(target)s") % {"target": target.label},
                body,
                None,
                [subscription.email],
                headers={
                    "List-Unsubscribe": f"<{leave}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        )
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0
