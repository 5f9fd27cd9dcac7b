"""A small year (2022) built for the annual report's figures, with every case on both sides:
the council on time and late on requests, the college on time and late with its replies,
commitments kept, not kept and overdue. Everything dated, sent and recorded the way the
site does it (factories and actions)."""

import datetime

from django.utils import timezone

from advices.actions import transition
from advices.lifecycle.statuses import FollowUpState, LetterStatus, Verdict
from advices.pages import AdviceIndexPage
from home.models.meetings import CountQualifier
from tests.factories import (
    AdviceLetterFactory,
    AdviceRequestFactory,
    CollegeResponseFactory,
    CommitmentFactory,
    FollowUpFactory,
    RecommendationAnswerFactory,
    add_meeting,
    build_site,
    default_secretary,
    move_request,
)

YEAR = 2022
# The day the report is made: early in the next year.
PUBLICATION_DAY = datetime.date(2023, 1, 15)


def day(year, month, number):
    return datetime.date(year, month, number)


def moment(date, hour=10):
    return timezone.make_aware(datetime.datetime(date.year, date.month, date.day, hour))


def sent_letter(date, recommendations, request=None, reference=None):
    """A letter dated and sent on ``date`` (answering ``request`` if given)."""
    letter = AdviceLetterFactory(
        date=date,
        recommendations=recommendations,
        status=LetterStatus.ADOPTED,
        request=request,
        **({"reference": reference} if reference else {}),
    )
    transition(letter, "send", default_secretary(), at=moment(date))
    letter.refresh_from_db()
    return letter


def received_request(received_on, weeks=6, **fields):
    return AdviceRequestFactory(
        received_on=received_on,
        letter_date=received_on,
        deadline=received_on + datetime.timedelta(weeks=weeks),
        **fields,
    )


def build_year():
    """The site and the year 2022 (with a little of 2021 and 2023 that must not count)."""
    home, meeting_index = build_site()
    advice_index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))

    add_meeting(
        meeting_index, title="Veldbijeenkomst wijk", date=day(2022, 3, 9), participant_count=30
    )
    add_meeting(
        meeting_index,
        title="Werksessie sociale basis",
        date=day(2022, 9, 14),
        participant_count=50,
        participant_count_qualifier=CountQualifier.OVER,
    )
    add_meeting(meeting_index, title="Gesprekstafel", date=day(2022, 11, 2))
    add_meeting(
        meeting_index, title="Bijeenkomst van 2021", date=day(2021, 12, 1), participant_count=99
    )

    on_time_request = received_request(day(2022, 1, 10), reference="AV-2022-01")
    late_request = received_request(day(2022, 3, 1), reference="AV-2022-02")
    open_request = received_request(day(2022, 11, 1), reference="AV-2022-03")
    declined = received_request(day(2022, 6, 1), reference="AV-2022-04")
    move_request(declined, "afgezien")
    received_request(day(2021, 5, 1), reference="AV-2021-01")

    # The council's advice: on time (within the six weeks) and late.
    on_time = sent_letter(day(2022, 2, 15), 2, on_time_request, "PR-2022-01")
    late = sent_letter(day(2022, 5, 1), 1, late_request, "PR-2022-02")
    unrequested = sent_letter(day(2022, 6, 17), 3, None, "PR-2022-03")
    AdviceLetterFactory(date=day(2022, 12, 1), recommendations=2, reference="PR-2022-04")
    sent_letter(day(2021, 6, 1), 2, None, "PR-2021-01")

    # The college's replies: within the term, after it, and none (late by the report's day).
    CollegeResponseFactory(letter=on_time, received_on=day(2022, 3, 1))
    CollegeResponseFactory(letter=late, received_on=day(2022, 8, 1))
    first, second = on_time.recommendations.order_by("number")
    RecommendationAnswerFactory(recommendation=first, verdict=Verdict.ADOPTED)
    RecommendationAnswerFactory(recommendation=second, verdict=Verdict.NOT_ADOPTED)
    RecommendationAnswerFactory(
        recommendation=late.recommendations.get(), verdict=Verdict.PARTLY_ADOPTED
    )

    kept = CommitmentFactory(recommendation=first, due_date=day(2022, 6, 30))
    FollowUpFactory(commitment=kept, state=FollowUpState.DONE, date=day(2022, 6, 20))
    CommitmentFactory(recommendation=first, due_date=day(2022, 9, 30))  # nothing heard: late
    not_kept = CommitmentFactory(recommendation=first, due_date=day(2022, 12, 31))
    FollowUpFactory(commitment=not_kept, state=FollowUpState.NOT_DONE, date=day(2022, 12, 1))
    CommitmentFactory(recommendation=first, due_date=day(2023, 3, 31))  # another year

    return {
        "home": home,
        "advice_index": advice_index,
        "letters": [on_time, late, unrequested],
        "open_request": open_request,
    }
