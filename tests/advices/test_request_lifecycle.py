"""The rules of a request for advice, through the actions every screen uses: who may take
which step from which status, the deadline and its extension at the edges of the term, and
the council's own timeliness."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from advices.actions import transition
from advices.actions.requests import ExtendDeadline, TransitionRequest, fill_deadline
from advices.lifecycle.requests import (
    DECLINE,
    RESUME,
    TAKE_UP,
    AdviceTiming,
    RequestStatus,
    advice_timing,
    available_request_transitions,
    default_deadline,
)
from advices.models import AdviceRequest, LetterStatus
from advices.models.requests import RequestLifecycleError
from tests.factories import AdviceRequestFactory, LetterSettingsFactory, make_letter

RECEIVED = datetime.date(2022, 1, 11)


def test_the_deadline_is_the_term_from_receipt_unless_the_request_gives_one(db):
    assert default_deadline(RECEIVED) == datetime.date(2022, 2, 22)  # six weeks
    LetterSettingsFactory(request_term_weeks=8)
    request = fill_deadline(AdviceRequest(received_on=RECEIVED))
    assert request.deadline == datetime.date(2022, 3, 8)
    given = AdviceRequest(received_on=RECEIVED, deadline=datetime.date(2022, 4, 1))
    given.deadline_source = "aanvraag"
    assert fill_deadline(given).deadline == datetime.date(2022, 4, 1)


def test_advice_on_the_last_day_is_on_time_and_the_day_after_late():
    deadline = datetime.date(2022, 2, 22)
    received = RequestStatus.RECEIVED
    assert advice_timing(received, deadline, None, deadline) == AdviceTiming.OPEN
    day_after = deadline + datetime.timedelta(days=1)
    assert advice_timing(received, deadline, None, day_after) == AdviceTiming.LATE_OPEN
    answered = RequestStatus.ANSWERED
    assert advice_timing(answered, deadline, deadline, day_after) == AdviceTiming.ON_TIME
    assert advice_timing(answered, deadline, day_after, day_after) == AdviceTiming.LATE
    assert advice_timing(RequestStatus.DECLINED, deadline, None, day_after) == AdviceTiming.DECLINED
    assert advice_timing(received, None, None, day_after) == AdviceTiming.UNKNOWN


@pytest.mark.parametrize(
    "role, allowed",
    [("secretary", {TAKE_UP, DECLINE}), ("member", set()), ("clerk", set())],
)
def test_only_the_secretariat_takes_the_steps(db, request, role, allowed):
    user = request.getfixturevalue(role)
    advice_request = AdviceRequestFactory()
    assert set(available_request_transitions(user, advice_request.status)) == allowed
    for action in (TAKE_UP, DECLINE):
        step = TransitionRequest(advice_request, action, user, reason="Geen rol voor de raad.")
        if action in allowed:
            continue
        with pytest.raises(PermissionDenied):
            step.execute()
    assert AdviceRequest.objects.get(pk=advice_request.pk).status == RequestStatus.RECEIVED


def test_declining_needs_a_public_reason_and_keeps_it_with_actor_and_time(db, secretary):
    advice_request = AdviceRequestFactory()
    with pytest.raises(ValidationError, match="reden"):
        TransitionRequest(advice_request, DECLINE, secretary, reason="  ").execute()
    TransitionRequest(advice_request, DECLINE, secretary, reason="Buiten ons terrein.").execute()
    advice_request.refresh_from_db()
    assert advice_request.status == RequestStatus.DECLINED
    assert advice_request.status_reason == "Buiten ons terrein."
    assert advice_request.status_changed_by == secretary
    latest = advice_request.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        secretary,
        "Buiten ons terrein.",
    )
    # From afgezien only resuming is possible, again with a reason.
    assert available_request_transitions(secretary, advice_request.status) == [RESUME]
    with pytest.raises(ValidationError):
        TransitionRequest(advice_request, TAKE_UP, secretary).execute()


def test_a_step_someone_else_took_meanwhile_is_not_taken_twice(db, secretary):
    advice_request = AdviceRequestFactory()
    TransitionRequest(advice_request, TAKE_UP, secretary).execute()
    with pytest.raises(ValidationError, match="intussen"):
        TransitionRequest(
            advice_request, DECLINE, secretary, reason="Te laat.", expected_status="ontvangen"
        ).execute()
    assert AdviceRequest.objects.get(pk=advice_request.pk).status == RequestStatus.IN_PROGRESS


def test_the_status_changes_only_by_a_step(db):
    advice_request = AdviceRequestFactory()
    advice_request.status = RequestStatus.ANSWERED
    with pytest.raises(RequestLifecycleError):
        advice_request.save()
    with pytest.raises(RequestLifecycleError):
        AdviceRequest.objects.filter(pk=advice_request.pk).update(status=RequestStatus.DECLINED)


def test_sending_the_letter_that_answers_a_request_answers_it(db, secretary):
    advice_request = AdviceRequestFactory(status=RequestStatus.IN_PROGRESS)
    letter = make_letter(status=LetterStatus.ADOPTED, user=secretary, request=advice_request)
    assert letter.is_requested and letter.kind == "gevraagd"
    make_letter(status=LetterStatus.SENT, user=secretary)  # another letter changes nothing
    assert AdviceRequest.objects.get(pk=advice_request.pk).status == RequestStatus.IN_PROGRESS
    transition(letter, "send", secretary)
    advice_request.refresh_from_db()
    assert advice_request.status == RequestStatus.ANSWERED
    assert advice_request.history.latest().history_change_reason.startswith("Advies PR-")
    assert make_letter(recommendations=1).kind == "ongevraagd"


class TestExtension:
    def extend(self, advice_request, user, date, reason="Werksessie pas op 1 maart."):
        return ExtendDeadline(advice_request, date, reason, user).execute()

    def test_a_later_date_with_a_reason_keeps_the_first_date(self, db, secretary):
        advice_request = AdviceRequestFactory(
            received_on=RECEIVED, deadline=default_deadline(RECEIVED)
        )
        first = advice_request.deadline
        self.extend(advice_request, secretary, first + datetime.timedelta(days=1))
        self.extend(advice_request, secretary, first + datetime.timedelta(days=14), "Nog later.")
        advice_request.refresh_from_db()
        assert advice_request.original_deadline == first
        assert advice_request.deadline == first + datetime.timedelta(days=14)
        assert advice_request.extension_reason == "Nog later."
        assert advice_request.is_extended

    @pytest.mark.parametrize("days, reason", [(0, "Reden."), (-1, "Reden."), (7, " ")])
    def test_the_same_or_an_earlier_date_or_no_reason_is_refused(self, db, secretary, days, reason):
        advice_request = AdviceRequestFactory()
        deadline = advice_request.deadline
        with pytest.raises(ValidationError):
            self.extend(advice_request, secretary, deadline + datetime.timedelta(days=days), reason)
        advice_request.refresh_from_db()
        assert (advice_request.deadline, advice_request.original_deadline) == (deadline, None)

    def test_a_closed_request_is_not_extended_and_the_municipality_cannot(
        self, db, secretary, clerk
    ):
        declined = AdviceRequestFactory(status=RequestStatus.DECLINED)
        with pytest.raises(ValidationError, match="verlengt u niet"):
            self.extend(declined, secretary, declined.deadline + datetime.timedelta(days=7))
        open_request = AdviceRequestFactory()
        with pytest.raises(PermissionDenied):
            self.extend(open_request, clerk, open_request.deadline + datetime.timedelta(days=7))


def test_dates_that_do_not_fit_together_are_refused(db):
    advice_request = AdviceRequestFactory.build(
        received_on=RECEIVED,
        letter_date=RECEIVED + datetime.timedelta(days=1),
        deadline=RECEIVED - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as refused:
        advice_request.full_clean(exclude=["reference"])
    assert set(refused.value.message_dict) == {"letter_date", "deadline"}
    advice_request = AdviceRequestFactory.build(received_on=datetime.date(2099, 1, 1))
    with pytest.raises(ValidationError) as refused:
        advice_request.clean()
    assert "received_on" in refused.value.message_dict
