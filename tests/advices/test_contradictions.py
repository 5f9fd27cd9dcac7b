"""What the municipality records may not contradict the page, with a Dutch reason:

- a progress update dated in the future;
- work (gepland, in uitvoering, uitgevoerd) on a recommendation the college did not adopt,
  unless the clerk confirms it (a checkbox shown with the error, the input kept);
- a commitment on a recommendation of a letter without a recorded reply;
- an impossible date (31-02-2025), which is an error, never 3 March.

Refused in the model's validation, so the admin forms, the actions and every other path
(the demo loader, the factories) are held to it alike.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from advices.actions.college import RecordCommitment, RecordProgress
from advices.lifecycle.commitments import COMMITMENT_NEEDS_REPLY, commitment_refusal
from advices.lifecycle.updates import (
    NOT_ADOPTED_NO_VERDICT,
    UPDATE_IN_FUTURE,
    future_date_refusal,
    not_adopted_refusal,
)
from advices.models import (
    CollegeResponse,
    Commitment,
    FollowUp,
    FollowUpState,
    LetterStatus,
    Verdict,
)
from home.dates import is_nonexistent_date
from tests.factories import (
    AdviceLetterFactory,
    CollegeResponseFactory,
    CommitmentFactory,
    RecommendationAnswerFactory,
)

S = FollowUpState
FOLLOW_UP_ADD = "wagtailsnippets_advices_followup:add"
COMMITMENT_ADD = "wagtailsnippets_advices_commitment:add"
REPLY_ADD = "wagtailsnippets_advices_collegeresponse:add"
CONFIRM = "Ik weet dat het college dit advies niet heeft overgenomen"

# -- the rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verdict", "state", "on_commitment", "refused"),
    [
        (Verdict.NOT_ADOPTED, S.IN_PROGRESS, False, True),
        (Verdict.NOT_ADOPTED, S.DONE, False, True),
        (Verdict.NOT_ADOPTED, S.PLANNED, False, True),
        (Verdict.NOTED, S.DONE, False, True),
        ("", S.IN_PROGRESS, False, True),  # no verdict at all
        (Verdict.NOT_ADOPTED, S.NOT_DONE, False, False),  # agrees with the verdict
        (Verdict.NOT_ADOPTED, S.DONE, True, False),  # a commitment's own progress
        (Verdict.ADOPTED, S.DONE, False, False),
        (Verdict.PARTLY_ADOPTED, S.IN_PROGRESS, False, False),
        (Verdict.UNDER_INVESTIGATION, S.IN_PROGRESS, False, False),
        (Verdict.EXISTING_POLICY, S.DONE, False, False),
    ],
)
def test_which_work_contradicts_the_verdict(verdict, state, on_commitment, refused):
    assert bool(not_adopted_refusal(verdict, state, on_commitment)) is refused


def test_the_reason_names_the_verdict():
    assert "(standpunt: niet overgenomen)" in not_adopted_refusal(
        Verdict.NOT_ADOPTED, S.DONE, False
    )
    assert not_adopted_refusal("", S.DONE, False) == NOT_ADOPTED_NO_VERDICT


def test_future_dates_and_replies():
    today = datetime.date(2025, 3, 1)
    assert future_date_refusal(today, today) is None
    assert future_date_refusal(datetime.date(2025, 2, 28), today) is None
    assert future_date_refusal(datetime.date(2025, 3, 2), today) == UPDATE_IN_FUTURE
    assert commitment_refusal(True) is None
    assert commitment_refusal(False) == COMMITMENT_NEEDS_REPLY


@pytest.mark.parametrize(
    ("text", "nonexistent"),
    [
        ("31-02-2025", True),
        ("29-02-2023", True),
        ("31/04/2024", True),
        ("2025-02-30", True),
        ("29-02-2024", False),  # a leap year
        ("28-02-2025", False),
        ("32-01-2025", False),  # not a day of any month: the general message
        ("15-13-2025", False),
        ("morgen", False),
    ],
)
def test_nonexistent_dates(text, nonexistent):
    assert is_nonexistent_date(text) is nonexistent


# -- through the actions (every path) ---------------------------------------------------------


@pytest.fixture
def replied(db, clerk):
    """A sent letter with its reply recorded: 1 adopted, 2 not adopted, 3 no verdict."""
    letter = AdviceLetterFactory(status=LetterStatus.SENT, recommendations=3)
    CollegeResponseFactory(letter=letter, recorded_by=clerk)
    first, second, third = letter.recommendations.order_by("number")
    RecommendationAnswerFactory(recommendation=first, verdict=Verdict.ADOPTED, recorded_by=clerk)
    RecommendationAnswerFactory(
        recommendation=second, verdict=Verdict.NOT_ADOPTED, recorded_by=clerk
    )
    return first, second, third


def update(recommendation, state=S.IN_PROGRESS, date=None, **attributes):
    follow_up = FollowUp(
        recommendation=recommendation,
        state=state,
        date=date or datetime.date(2022, 9, 1),
        note="Stand van zaken.",
    )
    for name, value in attributes.items():
        setattr(follow_up, name, value)
    return follow_up


def refusal(error, field):
    return " ".join(error.value.message_dict[field])


def test_an_update_in_the_future_is_refused(replied, clerk):
    first, _second, _third = replied
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        RecordProgress(update(first, date=tomorrow), clerk).execute()
    assert "Deze datum ligt in de toekomst" in refusal(error, "date")
    assert not FollowUp.objects.exists()
    RecordProgress(update(first, date=timezone.localdate()), clerk).execute()
    assert FollowUp.objects.count() == 1


def test_work_on_advice_not_adopted_needs_the_clerks_confirmation(replied, clerk):
    _first, second, third = replied
    for recommendation in (second, third):
        with pytest.raises(ValidationError) as error:
            RecordProgress(update(recommendation, S.DONE), clerk).execute()
        assert "Vink dan hieronder aan" in refusal(error, "state")
    assert not FollowUp.objects.exists()
    # What agrees with the verdict needs nothing; deliberate work is recorded.
    RecordProgress(update(second, S.NOT_DONE), clerk).execute()
    RecordProgress(update(third, S.IN_PROGRESS, not_adopted_confirmed=True), clerk).execute()
    assert FollowUp.objects.count() == 2


def test_a_commitment_needs_the_reply(db, clerk, replied):
    waiting = AdviceLetterFactory(status=LetterStatus.SENT, recommendations=1)
    promise = Commitment(
        recommendation=waiting.recommendations.get(),
        description="Een bijeenkomst",
        responsible="Wethouder",
        due_date=datetime.date(2030, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        RecordCommitment(promise, clerk).execute()
    assert refusal(error, "recommendation") == str(COMMITMENT_NEEDS_REPLY)
    assert not Commitment.objects.exists()
    # The same on a recommendation without a verdict, once the reply is recorded.
    CommitmentFactory(recommendation=replied[2], recorded_by=clerk)
    assert Commitment.objects.count() == 1


# -- in the admin: the reason, the input kept, the checkbox -----------------------------------


def follow_up_form(recommendation, **changes):
    return {
        "recommendation": recommendation.pk,
        "commitment": "",
        "date": "01-09-2022",
        "state": S.IN_PROGRESS,
        "note": "De eerste wijk is begonnen.",
        "loaded_marker": "",
        **changes,
    }


def test_the_admin_asks_to_confirm_work_on_advice_not_adopted(client, clerk, replied):
    _first, second, _third = replied
    client.force_login(clerk)
    refused = client.post(reverse(FOLLOW_UP_ADD), follow_up_form(second))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Het college heeft dit advies niet overgenomen (standpunt: niet overgenomen)" in html
    assert CONFIRM in html
    assert 'type="checkbox" name="not_adopted_confirmed"' in html
    assert "De eerste wijk is begonnen." in html  # the input is kept
    assert not FollowUp.objects.exists()

    # Confirmed, but the note is missing: the tick stays with the other input.
    again = client.post(
        reverse(FOLLOW_UP_ADD), follow_up_form(second, not_adopted_confirmed="on", note="")
    )
    assert again.status_code == 200
    assert 'type="checkbox" name="not_adopted_confirmed" id="id_not_adopted_confirmed" checked' in (
        again.content.decode()
    )

    confirmed = client.post(
        reverse(FOLLOW_UP_ADD), follow_up_form(second, not_adopted_confirmed="on")
    )
    assert confirmed.status_code == 302
    assert FollowUp.objects.get().state == S.IN_PROGRESS


def test_the_admin_form_has_no_checkbox_until_it_is_needed(client, clerk, replied):
    first, _second, _third = replied
    client.force_login(clerk)
    html = client.get(reverse(FOLLOW_UP_ADD)).content.decode()
    assert 'type="checkbox" name="not_adopted_confirmed"' not in html
    assert CONFIRM not in html
    assert client.post(reverse(FOLLOW_UP_ADD), follow_up_form(first)).status_code == 302


def test_the_admin_refuses_a_future_update(client, clerk, replied):
    first, _second, _third = replied
    client.force_login(clerk)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    refused = client.post(
        reverse(FOLLOW_UP_ADD), follow_up_form(first, date=tomorrow.strftime("%d-%m-%Y"))
    )
    assert refused.status_code == 200
    assert "Deze datum ligt in de toekomst" in refused.content.decode()
    assert not FollowUp.objects.exists()


def test_the_admin_refuses_a_commitment_before_the_reply(client, clerk):
    waiting = AdviceLetterFactory(status=LetterStatus.SENT, recommendations=1)
    client.force_login(clerk)
    refused = client.post(
        reverse(COMMITMENT_ADD),
        {
            "recommendation": waiting.recommendations.get().pk,
            "description": "Een bijeenkomst in elke wijk",
            "responsible": "Wethouder",
            "due": "Q1 2030",
            "redate_reason": "",
        },
    )
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "nog geen reactie van het college vastgelegd" in html
    assert "Een bijeenkomst in elke wijk" in html
    assert not Commitment.objects.exists()


def test_an_impossible_date_is_an_error_not_another_day(client, clerk, replied):
    first, _second, _third = replied
    client.force_login(clerk)
    refused = client.post(reverse(FOLLOW_UP_ADD), follow_up_form(first, date="31-02-2022"))
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Deze datum bestaat niet." in html
    assert 'value="31-02-2022"' in html  # kept as typed
    assert not FollowUp.objects.exists()

    letter = AdviceLetterFactory(status=LetterStatus.SENT, recommendations=1)
    refused = client.post(
        reverse(REPLY_ADD), {"letter": letter.pk, "received_on": "31-02-2025", "text": "Antwoord"}
    )
    assert "Deze datum bestaat niet." in refused.content.decode()
    assert not CollegeResponse.objects.filter(letter=letter).exists()


def test_the_date_picker_leaves_typed_dates_alone(client, clerk, replied):
    """The picker's rollover (31-02 → 03-03, on leaving the field) is switched off in the
    configuration every admin date widget gets; the browser test types one."""
    client.force_login(clerk)
    html = client.get(reverse(FOLLOW_UP_ADD)).content.decode()
    assert "&quot;validateOnBlur&quot;: false" in html or '"validateOnBlur": false' in html
