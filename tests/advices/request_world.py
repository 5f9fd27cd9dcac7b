"""A known set of requests for advice, their answers and the replies, on 10 January 2024
(issue 13's timeliness, open data, API, feed). Build it inside ``time_machine.travel(NOW)``.

In 2023, advice: AV-2023-01 answered on time, AV-2023-02 answered late, AV-2023-03 open past
its (extended) deadline: 1 of 3 on time; AV-2023-04 declined and AV-2023-05 without deadline
are not counted. AV-2024-01 is open within its term (not counted). Replies: to the letter
answering AV-2023-01 in time, to the one answering AV-2023-02 none and the term has passed:
1 of 2 on time, in 2023.
"""

import datetime

import time_machine

from advices.actions.college import RecordReply
from advices.actions.requests import ExtendDeadline
from advices.lifecycle.requests import RequestStatus
from advices.models import AdviceRequest, CollegeResponse, LetterStatus
from tests.factories import (
    AdviceLetterFactory,
    AdviceRequestFactory,
    RequestDocumentFactory,
    ThemeFactory,
    default_clerk,
    default_secretary,
)

NOW = datetime.datetime(2024, 1, 10, 12, tzinfo=datetime.UTC)
TODAY = datetime.date(2024, 1, 10)
SECRET_EMAIL = "contact.geheim@gemeente.example"


def _request(reference, received_on, deadline, **fields):
    return AdviceRequestFactory(
        reference=reference,
        received_on=received_on,
        letter_date=received_on - datetime.timedelta(days=1) if received_on else None,
        deadline=deadline,
        contact_name="Carla Contact",
        contact_email=SECRET_EMAIL,
        **fields,
    )


def _answer(advice_request, sent_at):
    with time_machine.travel(sent_at, tick=False):
        return AdviceLetterFactory(
            request=advice_request,
            subject=advice_request.subject,
            recommendations=1,
            status=LetterStatus.SENT,
        )


def build_request_world():
    youth = ThemeFactory(name="Jeugd", slug="jeugd")
    poverty = ThemeFactory(name="Armoede", slug="armoede")
    on_time = _request(
        "AV-2023-01",
        datetime.date(2023, 1, 2),
        datetime.date(2023, 2, 13),
        subject="Armoedebeleid",
        questions="=Wat vindt de raad van het armoedebeleid?",
        themes=[poverty, youth],
        municipal_reference="Z/23/0101",
    )
    RequestDocumentFactory(request=on_time, title="Brief van het college")
    late = _request(
        "AV-2023-02", datetime.date(2023, 3, 1), datetime.date(2023, 4, 12), themes=[youth]
    )
    open_late = _request(
        "AV-2023-03",
        datetime.date(2023, 10, 2),
        datetime.date(2023, 11, 13),
        status=RequestStatus.IN_PROGRESS,
    )
    ExtendDeadline(
        open_late,
        datetime.date(2023, 12, 1),
        "De raad wil eerst inwoners spreken.",
        default_secretary(),
    ).execute()
    _request(
        "AV-2023-04",
        datetime.date(2023, 5, 1),
        datetime.date(2023, 6, 12),
        status=RequestStatus.DECLINED,
    )
    _request("AV-2023-05", datetime.date(2023, 6, 1), None, requester_name="")
    _request("AV-2024-01", datetime.date(2024, 1, 2), datetime.date(2024, 2, 13))

    letter_on_time = _answer(on_time, datetime.datetime(2023, 2, 10, 10, tzinfo=datetime.UTC))
    letter_late = _answer(late, datetime.datetime(2023, 4, 20, 10, tzinfo=datetime.UTC))
    RecordReply(
        CollegeResponse(letter=letter_on_time, received_on=datetime.date(2023, 3, 1), text="Dank."),
        default_clerk(),
    ).execute()
    return {
        "on_time": AdviceRequest.objects.get(pk=on_time.pk),
        "late": AdviceRequest.objects.get(pk=late.pk),
        "open_late": AdviceRequest.objects.get(pk=open_late.pk),
        "letter_on_time": letter_on_time,
        "letter_late": letter_late,
        "themes": {"jeugd": youth, "armoede": poverty},
    }


def add_many_requests(count, start=1000):
    """``count`` more open requests with a theme, fast (no history: only counts matter)."""
    theme = ThemeFactory(name="Zorg", slug="zorg")
    requests = AdviceRequest.objects.bulk_create(
        AdviceRequest(
            reference=f"AV-2019-{start + number}",
            subject=f"Aanvraag {number}",
            questions="Wat vindt de raad?",
            received_on=datetime.date(2019, 1, 1) + datetime.timedelta(days=number % 300),
            deadline=datetime.date(2019, 3, 1) + datetime.timedelta(days=number % 300),
        )
        for number in range(count)
    )
    through = AdviceRequest.themes.through
    through.objects.bulk_create(
        through(advicerequest_id=advice_request.pk, theme_id=theme.pk)
        for advice_request in requests
    )
    return requests
