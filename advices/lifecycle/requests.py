"""The college's requests for advice (*adviesaanvragen*): their statuses, steps and deadline.

``ontvangen → in behandeling → advies uitgebracht``, or ``afgezien`` (the council decides not
to advise, with a reason the public reads). *Advies uitgebracht* follows from sending a letter
that answers the request (``advices.actions.sending``), never chosen by hand. Each check
returns ``None`` when allowed, or the reason (Dutch, for the user) why not.
"""

import datetime

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

DEFAULT_REQUEST_TERM_WEEKS = 6
DEFAULT_REQUEST_REMINDER_DAYS = 7


class RequestStatus(models.TextChoices):
    RECEIVED = "ontvangen", _("Ontvangen")
    IN_PROGRESS = "in-behandeling", _("In behandeling")
    ANSWERED = "advies-uitgebracht", _("Advies uitgebracht")
    DECLINED = "afgezien", _("Afgezien van advies")


# A request the council still has to answer: its deadline counts.
OPEN_REQUEST_STATUSES = frozenset({RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS})


class RequesterKind(models.TextChoices):
    COLLEGE = "college", _("Het college van B&W")
    ALDERMAN = "wethouder", _("Een wethouder")
    DEPARTMENT = "afdeling", _("Een afdeling van de gemeente")


class DeadlineSource(models.TextChoices):
    """Where the deadline comes from: the verordening's term, or the request itself."""

    TERM = "termijn", _("De vaste termijn")
    REQUEST = "aanvraag", _("Een datum in de aanvraag")


TAKE_UP = "take-up"
DECLINE = "decline"
RESUME = "resume"
ANSWER = "answer"

HANDLE_PERMISSION = "advices.handle_advicerequest"

# action: (from statuses, to status, permission codename)
REQUEST_TRANSITIONS = {
    TAKE_UP: (frozenset({RequestStatus.RECEIVED}), RequestStatus.IN_PROGRESS, HANDLE_PERMISSION),
    DECLINE: (OPEN_REQUEST_STATUSES, RequestStatus.DECLINED, HANDLE_PERMISSION),
    # A decision not to advise can be taken back while the term runs or was extended.
    RESUME: (frozenset({RequestStatus.DECLINED}), RequestStatus.IN_PROGRESS, HANDLE_PERMISSION),
    ANSWER: (OPEN_REQUEST_STATUSES, RequestStatus.ANSWERED, "advices.send_adviceletter"),
}
# Steps that happen because of something else (sending the letter), not by a button.
AUTOMATIC_REQUEST_TRANSITIONS = frozenset({ANSWER})
# Steps whose reason the public reads; they cannot be taken without one.
REASON_REQUIRED = frozenset({DECLINE, RESUME})

REQUEST_TRANSITION_LABELS = {
    TAKE_UP: _("In behandeling nemen"),
    DECLINE: _("Afzien van advies"),
    RESUME: _("Toch in behandeling nemen"),
    ANSWER: _("Advies uitgebracht"),
}

REQUEST_PERMISSION_REASONS = {
    TAKE_UP: _("Alleen het secretariaat neemt een adviesaanvraag in behandeling."),
    DECLINE: _("Alleen het secretariaat legt vast dat de raad afziet van advies."),
    RESUME: _("Alleen het secretariaat neemt een adviesaanvraag weer in behandeling."),
    ANSWER: _("Een adviesaanvraag is beantwoord zodra het secretariaat het advies verstuurt."),
}

UNKNOWN_REQUEST_TRANSITION = _("Deze statuswijziging bestaat niet.")
REASON_MISSING = _("Schrijf de reden op. Die is openbaar: inwoners lezen waarom.")
REQUEST_STATUS_NOT_BY_HAND = _(
    "De status van een adviesaanvraag verandert alleen via de knoppen op de statuspagina."
)


def request_permission_refusal(user, action):
    """Why ``user`` may never take ``action``, or None."""
    if action not in REQUEST_TRANSITIONS:
        return UNKNOWN_REQUEST_TRANSITION
    if not user.has_perm(REQUEST_TRANSITIONS[action][2]):
        return REQUEST_PERMISSION_REASONS[action]
    return None


def request_state_refusal(action, status, reason=None):
    """Why ``action`` cannot be taken from ``status`` now, or None. ``reason`` is checked
    when given (None: not asked yet, as for the buttons on the status page)."""
    if action not in REQUEST_TRANSITIONS:
        return UNKNOWN_REQUEST_TRANSITION
    if status not in REQUEST_TRANSITIONS[action][0]:
        return _("Dit kan niet bij een adviesaanvraag met de status '%(status)s'.") % {
            "status": RequestStatus(status).label
        }
    if reason is not None and action in REASON_REQUIRED and not reason.strip():
        return REASON_MISSING
    return None


def available_request_transitions(user, status):
    """The steps ``user`` may take by hand on a request with ``status``."""
    return [
        action
        for action in REQUEST_TRANSITIONS
        if action not in AUTOMATIC_REQUEST_TRANSITIONS
        and request_permission_refusal(user, action) is None
        and request_state_refusal(action, status) is None
    ]


def is_request_transition(action, stored_status, new_status):
    return (
        action in REQUEST_TRANSITIONS
        and stored_status in REQUEST_TRANSITIONS[action][0]
        and REQUEST_TRANSITIONS[action][1] == new_status
    )


# -- the deadline ----------------------------------------------------------------------


def default_deadline(received_on, term_weeks=DEFAULT_REQUEST_TERM_WEEKS):
    """The last day on which advice is on time: the term counted from receipt."""
    return received_on + datetime.timedelta(weeks=term_weeks)


DEADLINE_BEFORE_RECEIPT = _("De uiterste datum kan niet vóór de datum van ontvangst liggen.")
RECEIVED_IN_FUTURE = _("De datum van ontvangst kan niet in de toekomst liggen.")
LETTER_AFTER_RECEIPT = _("De brief kan niet later gedateerd zijn dan de dag van ontvangst.")
EXTENSION_NOT_LATER = _(
    "Een verlenging schuift de uiterste datum op: kies een datum na %(deadline)s."
)
EXTENSION_REASON_MISSING = _("Schrijf op waarom de termijn is verlengd. Die reden is openbaar.")
EXTENSION_CLOSED = _("De termijn van een beantwoorde of afgesloten adviesaanvraag verlengt u niet.")


def request_dates_refusals(received_on, letter_date, deadline, today):
    """The errors of a request's dates, per field (empty when they fit together)."""
    errors = {}
    if received_on and received_on > today:
        errors["received_on"] = RECEIVED_IN_FUTURE
    if received_on and letter_date and letter_date > received_on:
        errors["letter_date"] = LETTER_AFTER_RECEIPT
    if received_on and deadline and deadline < received_on:
        errors["deadline"] = DEADLINE_BEFORE_RECEIPT
    return errors


def extension_refusal(status, current_deadline, new_deadline, reason):
    """Why the deadline cannot move to ``new_deadline`` now, or None."""
    if status not in OPEN_REQUEST_STATUSES:
        return EXTENSION_CLOSED
    if current_deadline and new_deadline <= current_deadline:
        return EXTENSION_NOT_LATER % {"deadline": formats.date_format(current_deadline, "j F Y")}
    if not (reason or "").strip():
        return EXTENSION_REASON_MISSING
    return None


# -- the council's own timeliness ----------------------------------------------------------


class AdviceTiming(models.TextChoices):
    """How the council kept to a request's term, as the public reads it."""

    OPEN = "open", _("Termijn loopt")
    LATE_OPEN = "advies-te-laat", _("Advies te laat")
    ON_TIME = "op-tijd", _("Advies op tijd")
    LATE = "te-laat-uitgebracht", _("Advies te laat uitgebracht")
    DECLINED = "afgezien", _("Afgezien van advies")
    UNKNOWN = "onbekend", _("Termijn onbekend")


def advice_timing(status, deadline, answered_on, today):
    """The council's timeliness on one request: ``answered_on`` is the day its first answering
    letter was sent (None while none is)."""
    if status == RequestStatus.DECLINED:
        return AdviceTiming.DECLINED
    if deadline is None:
        return AdviceTiming.UNKNOWN
    if answered_on is not None:
        return AdviceTiming.ON_TIME if answered_on <= deadline else AdviceTiming.LATE
    return AdviceTiming.LATE_OPEN if today > deadline else AdviceTiming.OPEN


def days_left(deadline, today):
    """Days until the deadline (0 on the day itself, negative when past)."""
    return (deadline - today).days if deadline else None


def advice_late_q(today, prefix=""):
    """SQL (a filter on requests, or on what ``prefix`` leads to a request from): the
    requests that ``advice_timing`` calls *advies te laat* on ``today``: still open, and
    the last day of the term has passed."""
    return models.Q(
        **{f"{prefix}status__in": OPEN_REQUEST_STATUSES, f"{prefix}deadline__lt": today}
    )
