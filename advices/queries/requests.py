"""Reads of the college's requests for advice (*adviesaanvragen*) for the public pages.

Every request is public from the moment it is registered. ``answered_on`` (the day the
first letter answering it was sent) is annotated in SQL, so the council's timeliness
(``AdviceRequest.timing``) costs no query per request, on a list of 5 or of 500.
"""

from django import forms
from django.db.models import Case, F, Prefetch, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advices.lifecycle.decisions import FollowsAdvice
from advices.lifecycle.requests import (
    OPEN_REQUEST_STATUSES,
    AdviceTiming,
    RequestStatus,
    advice_late_q,
)
from advices.lifecycle.timeliness import first_answer_day
from advices.models import AdviceLetter, AdviceRequest
from home.listing_filters import ListingFilter, ListingFilterForm

# The "Status" filter's extra value beside the four statuses.
LATE_VALUE = AdviceTiming.LATE_OPEN.value


def with_answered_on(advice_requests):
    return advice_requests.annotate(answered_on=first_answer_day())


def in_list_order(advice_requests):
    """Open requests first, the nearest deadline first (an unknown one last); then the
    answered and declined ones, the last received first."""
    is_open = When(status__in=OPEN_REQUEST_STATUSES, then=Value(0))
    open_deadline = Case(When(status__in=OPEN_REQUEST_STATUSES, then=F("deadline")))
    return advice_requests.annotate(
        closed=Case(is_open, default=Value(1)), open_deadline=open_deadline
    ).order_by(
        "closed",
        F("open_deadline").asc(nulls_last=True),
        F("received_on").desc(nulls_last=True),
        "-pk",
    )


def public_requests(advice_requests=None):
    """The requests (all of them by default), with ``answered_on``, in the order of the
    public list."""
    if advice_requests is None:
        advice_requests = AdviceRequest.objects.all()
    return in_list_order(with_answered_on(advice_requests))


def list_rows(advice_requests):
    """One page of the public list, with what each card shows: its themes, its documents
    and the sent letters answering it (``answers``): three queries, whatever the number."""
    answers = (
        AdviceLetter.objects.public().defer("introduction", "closing").order_by("sent_at", "pk")
    )
    return advice_requests.defer("questions").prefetch_related(
        "themes", "documents", Prefetch("letters", queryset=answers, to_attr="answers")
    )


def attach_timing(advice_requests, today=None):
    """Give each request (annotated with ``answered_on``) its ``advice_timing`` and days
    left, as the pages show them: no query."""
    today = today or timezone.localdate()
    for advice_request in advice_requests:
        advice_request.timing_value = advice_request.timing(advice_request.answered_on, today)
        advice_request.days_to_go = advice_request.days_left(today)
        advice_request.days_late = (
            -advice_request.days_to_go if advice_request.days_to_go is not None else None
        )
    return advice_requests


# -- the filters of the public list --------------------------------------------------------


class RequestFilterForm(ListingFilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False)
    field_order = ["jaar", "thema", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].label = _("Jaar van ontvangst")
        self.fields["status"].choices = (
            self.everything()
            + list(RequestStatus.choices)
            + [(LATE_VALUE, _("Advies te laat (termijn voorbij, nog geen advies)"))]
        )


class RequestFilter(ListingFilter):
    """Year (received), theme and status; "advies te laat" is an open request past its
    deadline (``lifecycle.requests.advice_late_q``)."""

    form_class = RequestFilterForm
    theme_relation = "advice_requests"
    date_field = "received_on"

    def __init__(self, data, items, today=None):
        self.today = today or timezone.localdate()
        super().__init__(data, items)

    def filter_more(self, items, values):
        status = values.get("status")
        if status == LATE_VALUE:
            return items.filter(advice_late_q(self.today))
        if status:
            return items.filter(status=status)
        return items

    @property
    def active_status_label(self):
        status = self.values.get("status")
        return dict(self.form.fields["status"].choices).get(status) if status else None


# -- one request's page ------------------------------------------------------------------------


def request_for_page(reference):
    """The request with exactly ``reference``, with what its page shows, or None."""
    return (
        with_answered_on(AdviceRequest.objects.all())
        .prefetch_related("themes", "documents")
        .filter(reference=reference)
        .first()
    )


def canonical_request_reference(typed):
    """The stored reference of the one request whose reference is ``typed`` but for case,
    or None."""
    found = list(
        AdviceRequest.objects.filter(reference__iexact=typed)
        .order_by()
        .values_list("reference", flat=True)[:2]
    )
    return found[0] if len(found) == 1 else None


def answering_letters(advice_request):
    """The sent letters answering ``advice_request``, first sent first, each with its reply
    (``college_response``, a join) and its decisions with their outcomes: three queries."""
    return list(
        AdviceLetter.objects.public()
        .filter(request=advice_request)
        .select_related("college_response")
        .defer("introduction", "closing")
        .prefetch_related("decisions__outcomes")
        .order_by("sent_at", "pk")
    )


def outcome_counts(decision):
    """How many recommendations the decision follows, partly follows and does not follow,
    from its prefetched outcomes: [(FollowsAdvice, count)] for the counts above zero."""
    follows = [outcome.follows for outcome in decision.outcomes.all()]
    return [(choice, follows.count(choice)) for choice in FollowsAdvice if follows.count(choice)]
