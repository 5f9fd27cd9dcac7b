"""The derived status and overdue rules, table-driven over dates."""

import datetime
from types import SimpleNamespace

import pytest

from advices.lifecycle.lateness import commitment_is_overdue, reply_is_overdue
from advices.lifecycle.progress import letter_progress_status, recommendation_status
from advices.lifecycle.statuses import PublicStatus
from advices.models import FollowUpState, LetterStatus, Verdict

D = datetime.date


def update(state, date, commitment=None, pk=None):
    return SimpleNamespace(state=state, date=date, commitment_id=commitment, pk=pk)


@pytest.mark.parametrize(
    ("verdict", "updates", "expected"),
    [
        # the reply is recorded, but gives this recommendation no verdict
        ("", [], PublicStatus.REPLIED_WITHOUT_VERDICT),
        # with the reply recorded, an own update decides, verdict or not
        ("", [update(FollowUpState.DONE, D(2022, 1, 1))], PublicStatus.DONE),
        (
            "",
            [update(FollowUpState.DONE, D(2022, 1, 1), commitment=7)],
            PublicStatus.REPLIED_WITHOUT_VERDICT,
        ),
        (Verdict.ADOPTED, [], PublicStatus.VERDICT_GIVEN),
        (Verdict.NOT_ADOPTED, [], PublicStatus.VERDICT_GIVEN),
        (Verdict.ADOPTED, [update(FollowUpState.PLANNED, D(2022, 1, 1))], PublicStatus.IN_PROGRESS),
        (
            Verdict.PARTLY_ADOPTED,
            [update(FollowUpState.IN_PROGRESS, D(2022, 1, 1))],
            PublicStatus.IN_PROGRESS,
        ),
        (
            Verdict.ADOPTED,
            [
                update(FollowUpState.IN_PROGRESS, D(2022, 1, 1)),
                update(FollowUpState.DONE, D(2022, 6, 1)),
            ],
            PublicStatus.DONE,
        ),
        # the latest update counts, whatever order they were entered in
        (
            Verdict.ADOPTED,
            [
                update(FollowUpState.DONE, D(2022, 6, 1), pk=1),
                update(FollowUpState.IN_PROGRESS, D(2022, 1, 1), pk=2),
            ],
            PublicStatus.DONE,
        ),
        # same day: the one recorded last counts
        (
            Verdict.ADOPTED,
            [
                update(FollowUpState.DONE, D(2022, 6, 1), pk=1),
                update(FollowUpState.NOT_DONE, D(2022, 6, 1), pk=2),
            ],
            PublicStatus.NOT_DONE,
        ),
        # a commitment finished is not the whole recommendation finished
        (
            Verdict.ADOPTED,
            [update(FollowUpState.DONE, D(2022, 6, 1), commitment=7)],
            PublicStatus.VERDICT_GIVEN,
        ),
    ],
)
def test_recommendation_status(verdict, updates, expected):
    assert recommendation_status(verdict, updates, replied=True) == expected


@pytest.mark.parametrize(
    "updates", [[], [update(FollowUpState.DONE, D(2022, 1, 1))]], ids=["no update", "an update"]
)
def test_without_a_reply_the_recommendation_waits_for_it(updates):
    assert recommendation_status("", updates, replied=False) == PublicStatus.AWAITING_REPLY


Q1_2020_END = D(2020, 3, 31)


@pytest.mark.parametrize(
    ("today", "updates", "overdue"),
    [
        (D(2020, 3, 30), [], False),
        (D(2020, 3, 31), [], False),  # the due day itself is still in time
        (D(2020, 4, 1), [], True),  # "te laat" from the day after
        (D(2022, 6, 17), [], True),
        (D(2022, 6, 17), [update(FollowUpState.IN_PROGRESS, D(2020, 2, 1))], True),
        (D(2022, 6, 17), [update(FollowUpState.DONE, D(2020, 3, 1))], False),
        (D(2022, 6, 17), [update(FollowUpState.DONE, D(2021, 3, 1))], False),  # late, but done
        (D(2022, 6, 17), [update(FollowUpState.NOT_DONE, D(2021, 3, 1))], False),
    ],
)
def test_commitment_overdue(today, updates, overdue):
    assert commitment_is_overdue(Q1_2020_END, updates, today) is overdue


SENT = D(2022, 6, 17)


@pytest.mark.parametrize(
    ("status", "today", "term", "overdue"),
    [
        (LetterStatus.SENT, D(2022, 7, 29), 6, False),  # exactly six weeks
        (LetterStatus.SENT, D(2022, 7, 30), 6, True),
        (LetterStatus.SENT, D(2022, 7, 30), 8, False),
        (LetterStatus.SENT, D(2026, 11, 22), 6, True),
        (LetterStatus.ANSWERED, D(2026, 11, 22), 6, False),
        (LetterStatus.CLOSED, D(2026, 11, 22), 6, False),
        (LetterStatus.ADOPTED, D(2026, 11, 22), 6, False),
    ],
)
def test_reply_overdue(status, today, term, overdue):
    assert reply_is_overdue(status, SENT, today, term) is overdue


@pytest.mark.parametrize(
    ("current", "has_reply", "statuses", "expected"),
    [
        (LetterStatus.SENT, False, [PublicStatus.AWAITING_REPLY], LetterStatus.SENT),
        (LetterStatus.SENT, True, [PublicStatus.VERDICT_GIVEN], LetterStatus.ANSWERED),
        (
            LetterStatus.ANSWERED,
            True,
            [PublicStatus.DONE, PublicStatus.IN_PROGRESS],
            LetterStatus.ANSWERED,
        ),
        (
            LetterStatus.ANSWERED,
            True,
            [PublicStatus.DONE, PublicStatus.NOT_DONE],
            LetterStatus.CLOSED,
        ),
        (LetterStatus.CLOSED, True, [PublicStatus.IN_PROGRESS], LetterStatus.ANSWERED),
        (LetterStatus.CONCEPT, True, [PublicStatus.DONE], LetterStatus.CONCEPT),
    ],
)
def test_letter_progress_status(current, has_reply, statuses, expected):
    assert letter_progress_status(current, has_reply, statuses) == expected
