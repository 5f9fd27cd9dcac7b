"""One rule, two spellings: every rule of ``advices.lifecycle`` that has a Python form and a
SQL form gives the same answer in both, for a table of cases — the public status, the verdict,
*te laat* per recommendation and per commitment, and *reactie te laat* per letter — and the
pages' loader (``advices.queries.progress.attach_progress``) agrees with the SQL of the lists.

The suite runs on SQLite and on PostgreSQL, so this holds on both.
"""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advices.lifecycle.lateness import (
    commitment_is_overdue,
    letter_reply_overdue,
    overdue_commitments,
    overdue_replies,
    reply_is_overdue,
    sent_on,
)
from advices.lifecycle.progress import annotate_progress, recommendation_status
from advices.lifecycle.statuses import PublicStatus
from advices.models import (
    AdviceLetter,
    CollegeResponse,
    Commitment,
    FollowUp,
    FollowUpState,
    LetterStatus,
    Recommendation,
    RecommendationAnswer,
    Verdict,
)
from advices.queries.progress import attach_progress

TODAY = datetime.date(2024, 1, 10)
EARLY = datetime.date(2023, 3, 1)
LATE = datetime.date(2023, 9, 1)

S = FollowUpState

# No answer at all, an answer without a verdict yet, and every verdict.
VERDICTS = [None, ""] + [verdict.value for verdict in Verdict]

# Updates on the recommendation itself, in the order they are recorded: (date, state).
# "commitment" adds an update on a commitment instead, which must not count.
OWN_UPDATES = {
    "none": [],
    "planned": [(EARLY, S.PLANNED)],
    "in progress": [(EARLY, S.IN_PROGRESS)],
    "done": [(EARLY, S.DONE)],
    "not done": [(EARLY, S.NOT_DONE)],
    "the later date wins over the later record": [(LATE, S.DONE), (EARLY, S.IN_PROGRESS)],
    "same date: the later record wins (in progress)": [(EARLY, S.DONE), (EARLY, S.IN_PROGRESS)],
    "same date: the later record wins (done)": [(EARLY, S.IN_PROGRESS), (EARLY, S.DONE)],
    "only an update on a commitment": [("commitment", LATE, S.DONE)],
    "own update, newer commitment update": [(EARLY, S.IN_PROGRESS), ("commitment", LATE, S.DONE)],
    "own not done, newer commitment update": [(EARLY, S.NOT_DONE), ("commitment", LATE, S.PLANNED)],
}

# Commitments: each (due date, [(date, state) of its updates in recorded order]).
COMMITMENTS = {
    "none": [],
    "due later": [(datetime.date(2024, 3, 31), [])],
    "due today": [(TODAY, [])],
    "past due, no update": [(datetime.date(2023, 12, 31), [])],
    "past due, done": [(datetime.date(2023, 12, 31), [(LATE, S.DONE)])],
    "past due, not done": [(datetime.date(2023, 12, 31), [(LATE, S.NOT_DONE)])],
    "past due, in progress": [(datetime.date(2023, 12, 31), [(LATE, S.IN_PROGRESS)])],
    "past due, done then reopened": [
        (datetime.date(2023, 12, 31), [(EARLY, S.DONE), (LATE, S.IN_PROGRESS)])
    ],
    "past due, same date, done recorded last": [
        (datetime.date(2023, 12, 31), [(LATE, S.IN_PROGRESS), (LATE, S.DONE)])
    ],
    "past due, same date, reopened recorded last": [
        (datetime.date(2023, 12, 31), [(LATE, S.DONE), (LATE, S.PLANNED)])
    ],
    "one finished, one late": [
        (datetime.date(2023, 6, 30), [(LATE, S.DONE)]),
        (datetime.date(2023, 12, 31), []),
    ],
    "one finished, one due later": [
        (datetime.date(2023, 6, 30), [(LATE, S.DONE)]),
        (datetime.date(2025, 1, 1), []),
    ],
}

CASES = [
    (verdict, own, list(COMMITMENTS)[index % len(COMMITMENTS)])
    for index, (verdict, own) in enumerate(itertools.product(VERDICTS, OWN_UPDATES))
] + [
    # Every commitment case once more with a verdict and no own update.
    (Verdict.ADOPTED.value, "none", name)
    for name in COMMITMENTS
]


# A second letter, sent long ago and never answered (its reply is late): no verdict, and
# each kind of own update (recorded before the reply: the status still waits for it).
UNANSWERED_CASES = [(None, own, "none") for own in OWN_UPDATES]


def make_sent_letter(reference, count, replied=True):
    """A sent letter with ``count`` recommendations and a recorded reply (unless not
    ``replied``: then sent on 15 January 2023 and still waiting)."""
    letter = AdviceLetter.objects.create(
        reference=reference,
        date=datetime.date(2023, 1, 15),
        subject="Tabel van gevallen",
        addressee="Het college",
        introduction="<p>Inleiding</p>",
        signatory_name="Voorzitter",
    )
    Recommendation.objects.bulk_create(
        Recommendation(letter=letter, number=n, sort_order=n, advice=f"Advies {n}")
        for n in range(1, count + 1)
    )
    # The status set directly (AdviceLetter.objects refuses): a table of cases, not a story.
    sent_at = amsterdam(datetime.date(2023, 1, 15), 9)
    if not replied:
        AdviceLetter._base_manager.filter(pk=letter.pk).update(
            status=LetterStatus.SENT, sent_at=sent_at
        )
        return letter, None
    AdviceLetter._base_manager.filter(pk=letter.pk).update(
        status=LetterStatus.ANSWERED, sent_at=sent_at
    )
    response = CollegeResponse.objects.create(letter=letter, text="Reactie")
    return letter, response


def build_cases():
    letter, response = make_sent_letter("PR-2023-01", len(CASES))
    waiting, _none = make_sent_letter("PR-2023-02", len(UNANSWERED_CASES), replied=False)
    recommendations = list(letter.recommendations.order_by("number")) + list(
        waiting.recommendations.order_by("number")
    )
    expected = {}
    for recommendation, case in zip(recommendations, CASES + UNANSWERED_CASES, strict=True):
        verdict, own, commitments = case
        if verdict is not None:
            RecommendationAnswer.objects.create(
                response=response, recommendation=recommendation, verdict=verdict
            )
        made = []
        for due, updates in COMMITMENTS[commitments]:
            commitment = Commitment.objects.create(
                recommendation=recommendation,
                description="Toezegging",
                responsible="Team",
                due_date=due,
            )
            made.append(commitment)
            for date, state in updates:
                FollowUp.objects.create(
                    recommendation=recommendation,
                    commitment=commitment,
                    date=date,
                    state=state,
                    note="Voortgang",
                )
        for update in OWN_UPDATES[own]:
            commitment = None
            if update[0] == "commitment":
                _marker, date, state = update
                commitment = (
                    made[0]
                    if made
                    else Commitment.objects.create(
                        recommendation=recommendation,
                        description="Toezegging",
                        responsible="Team",
                        due_date=datetime.date(2030, 1, 1),
                    )
                )
            else:
                date, state = update
            FollowUp.objects.create(
                recommendation=recommendation,
                commitment=commitment,
                date=date,
                state=state,
                note="Voortgang",
            )
        expected[recommendation.pk] = case
    return expected


def python_answer(recommendation, today):
    """What ``advices.progress`` says, from the objects themselves."""
    answer = RecommendationAnswer.objects.filter(recommendation=recommendation).first()
    verdict = answer.verdict if answer else ""
    follow_ups = list(FollowUp.objects.filter(recommendation=recommendation))
    overdue = any(
        commitment_is_overdue(
            commitment.due_date, list(FollowUp.objects.filter(commitment=commitment)), today
        )
        for commitment in Commitment.objects.filter(recommendation=recommendation)
    )
    return {
        "verdict": verdict,
        "public_status": recommendation_status(
            verdict,
            follow_ups,
            replied=CollegeResponse.objects.filter(letter_id=recommendation.letter_id).exists(),
        ).value,
        "reply_overdue": letter_reply_overdue(recommendation.letter, today, TERM_WEEKS),
        "is_overdue": overdue,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("today", [TODAY, datetime.date(2023, 7, 1)])
def test_the_sql_annotation_equals_the_python_rule_for_every_recommendation(today):
    cases = build_cases()
    annotated = annotate_progress(
        Recommendation.objects.filter(pk__in=cases), today, term_weeks=TERM_WEEKS
    )
    rows = {
        row["pk"]: row
        for row in annotated.values("pk", "verdict", "public_status", "is_overdue", "reply_overdue")
    }
    assert set(rows) == set(cases)
    differences = []
    for recommendation in Recommendation.objects.filter(pk__in=cases):
        sql = {
            key: rows[recommendation.pk][key]
            for key in ("verdict", "public_status", "is_overdue", "reply_overdue")
        }
        python = python_answer(recommendation, today)
        if sql != python:
            differences.append((cases[recommendation.pk], sql, python))
    assert not differences, "\n".join(map(str, differences))


@pytest.mark.django_db
def test_the_table_covers_every_status_and_both_sides_of_late():
    cases = build_cases()
    rows = list(
        annotate_progress(Recommendation.objects.filter(pk__in=cases), TODAY).values(
            "public_status", "is_overdue", "reply_overdue", "verdict"
        )
    )
    assert {row["public_status"] for row in rows} == {status.value for status in PublicStatus}
    assert {row["is_overdue"] for row in rows} == {True, False}
    assert {row["reply_overdue"] for row in rows} == {True, False}
    assert {row["verdict"] for row in rows} == {""} | {verdict.value for verdict in Verdict}


@pytest.mark.django_db
def test_the_annotation_is_one_query_and_filterable():
    build_cases()
    with CaptureQueriesContext(connection) as queries:
        late = list(
            annotate_progress(Recommendation.objects.all(), TODAY, term_weeks=TERM_WEEKS)
            .filter(is_overdue=True, public_status=PublicStatus.IN_PROGRESS)
            .values_list("pk", flat=True)
        )
    assert len(queries) == 1
    assert late


@pytest.mark.django_db
@pytest.mark.parametrize("today", [TODAY, datetime.date(2023, 7, 1), datetime.date(2023, 12, 31)])
def test_late_commitments_in_sql_are_the_late_commitments_in_python(today):
    build_cases()
    python = {
        commitment.pk
        for commitment in Commitment.objects.all()
        if commitment_is_overdue(
            commitment.due_date, list(FollowUp.objects.filter(commitment=commitment)), today
        )
    }
    sql = set(overdue_commitments(today).values_list("pk", flat=True))
    assert python, "the table has late commitments on this day"
    assert sql == python


@pytest.mark.django_db
@pytest.mark.parametrize("today", [TODAY, datetime.date(2023, 7, 1)])
def test_the_pages_loader_agrees_with_the_sql_of_the_lists(today):
    cases = build_cases()
    recommendations = attach_progress(Recommendation.objects.filter(pk__in=cases), today)
    annotated = {
        row["pk"]: row
        for row in annotate_progress(Recommendation.objects.filter(pk__in=cases), today).values(
            "pk", "public_status", "is_overdue"
        )
    }
    differences = [
        (cases[r.pk], r.progress.status, r.progress.overdue, annotated[r.pk])
        for r in recommendations
        if (r.progress.status, r.progress.overdue)
        != (annotated[r.pk]["public_status"], annotated[r.pk]["is_overdue"])
    ]
    assert not differences, "\n".join(map(str, differences))


def amsterdam(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# Letters: (status, when sent). The term is 6 weeks; TODAY minus 6 weeks is 29 November 2023.
TERM_WEEKS = 6
DUE_EDGE = TODAY - datetime.timedelta(weeks=TERM_WEEKS)
REPLY_CASES = {
    "sent long ago": (LetterStatus.SENT, amsterdam(datetime.date(2023, 1, 15), 9)),
    "sent the day before the edge": (
        LetterStatus.SENT,
        amsterdam(DUE_EDGE, 0) - datetime.timedelta(minutes=1),
    ),
    "sent on the edge, at midnight": (LetterStatus.SENT, amsterdam(DUE_EDGE, 0)),
    "sent on the edge, late in the evening": (LetterStatus.SENT, amsterdam(DUE_EDGE, 23, 30)),
    "sent the day after the edge": (
        LetterStatus.SENT,
        amsterdam(DUE_EDGE + datetime.timedelta(days=1), 9),
    ),
    "sent last week": (LetterStatus.SENT, amsterdam(TODAY - datetime.timedelta(days=7), 9)),
    "answered, long ago": (LetterStatus.ANSWERED, amsterdam(datetime.date(2023, 1, 15), 9)),
    "closed, long ago": (LetterStatus.CLOSED, amsterdam(datetime.date(2023, 1, 15), 9)),
    "adopted, never sent": (LetterStatus.ADOPTED, None),
    "concept": (LetterStatus.CONCEPT, None),
}


@pytest.mark.django_db
@pytest.mark.parametrize("today", [TODAY, DUE_EDGE + datetime.timedelta(days=43)])
def test_late_replies_in_sql_are_the_late_replies_in_python(today):
    letters = {}
    for number, (name, (status, sent_at)) in enumerate(REPLY_CASES.items(), start=1):
        letter = AdviceLetter.objects.create(
            reference=f"PR-2023-{number:02d}",
            subject=name,
            addressee="Het college",
            introduction="<p>Inleiding</p>",
            signatory_name="Voorzitter",
        )
        # A table of cases, not a story: the status set directly (objects refuses).
        AdviceLetter._base_manager.filter(pk=letter.pk).update(status=status, sent_at=sent_at)
        letter.refresh_from_db()
        letters[letter.pk] = letter
    python = {
        letter.subject
        for letter in letters.values()
        if reply_is_overdue(letter.status, sent_on(letter), today, TERM_WEEKS)
    }
    sql = set(overdue_replies(today, TERM_WEEKS).values_list("subject", flat=True))
    assert sql == python
    if today == TODAY:
        assert python == {"sent long ago", "sent the day before the edge"}
