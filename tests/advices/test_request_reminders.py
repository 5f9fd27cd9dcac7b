"""Reminders of requests' deadlines (issue 13): the secretariat hears of an open request
exactly ``request_reminder_days()`` days before its deadline and on the day after it, on no
other day, never of an answered or declined one; in the same daily mail as what is late, at
most once a day."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from advices.lifecycle.request_reminders import DUE_SOON, PAST_DEADLINE, request_reminder
from advices.lifecycle.requests import RequestStatus
from advices.models import LetterSettings, LetterStatus, ReminderLog
from tests.factories import AdviceLetterFactory, AdviceRequestFactory

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2024, 2, 13)
DAY = datetime.timedelta(days=1)


def run(day):
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(7, 0)), tick=False):
        call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def requests(secretary):
    with time_machine.travel(datetime.datetime(2023, 12, 20, 10, tzinfo=datetime.UTC)):
        open_request = AdviceRequestFactory(
            reference="AV-2024-01",
            subject="Armoedebeleid",
            received_on=datetime.date(2023, 12, 18),
            deadline=DEADLINE,
            status=RequestStatus.IN_PROGRESS,
        )
        answered = AdviceRequestFactory(
            reference="AV-2023-09",
            subject="Leerlingenvervoer",
            received_on=datetime.date(2023, 12, 1),
            deadline=DEADLINE,
        )
        # Sent on 20 December 2023: its reply is late from 1 February 2024 on.
        letter = AdviceLetterFactory(
            request=answered, subject="Leerlingenvervoer", status=LetterStatus.SENT
        )
        AdviceRequestFactory(
            reference="AV-2023-10",
            subject="Jeugdhulp",
            received_on=datetime.date(2023, 12, 1),
            deadline=DEADLINE,
            status=RequestStatus.DECLINED,
        )
    answered.refresh_from_db()
    assert answered.status == RequestStatus.ANSWERED
    return {"open": open_request, "letter": letter}


def mail_to(mailoutbox, address):
    mails = [mail for mail in mailoutbox if mail.to == [address]]
    assert len(mails) <= 1
    return mails[0] if mails else None


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (DEADLINE - 8 * DAY, None),
        (DEADLINE - 7 * DAY, DUE_SOON),
        (DEADLINE - 6 * DAY, None),
        (DEADLINE, None),
        (DEADLINE + DAY, PAST_DEADLINE),
        (DEADLINE + 2 * DAY, None),
    ],
)
def test_the_rule_at_the_edges(today, expected):
    assert request_reminder(RequestStatus.IN_PROGRESS, DEADLINE, today, 7) == expected
    assert request_reminder(RequestStatus.RECEIVED, DEADLINE, today, 7) == expected
    assert request_reminder(RequestStatus.ANSWERED, DEADLINE, today, 7) is None
    assert request_reminder(RequestStatus.DECLINED, DEADLINE, today, 7) is None
    assert request_reminder(RequestStatus.IN_PROGRESS, None, today, 7) is None


def test_exactly_seven_days_before(requests, secretary, mailoutbox):
    run(DEADLINE - 7 * DAY)
    mail = mail_to(mailoutbox, secretary.email)
    assert "Adviesaanvragen waarvan de uiterste datum bijna is bereikt:" in mail.body
    assert "- AV-2024-01 Armoedebeleid (advies uiterlijk 13 februari 2024)" in mail.body
    assert "AV-2023-09" not in mail.body and "AV-2023-10" not in mail.body  # answered, declined
    assert "gisteren" not in mail.body


def test_the_day_after_in_the_same_mail_as_the_late_reply(requests, secretary, mailoutbox):
    run(DEADLINE + DAY)
    mail = mail_to(mailoutbox, secretary.email)
    assert "uiterste datum gisteren was, zonder verstuurd advies:" in mail.body
    assert "- AV-2024-01 Armoedebeleid" in mail.body
    assert "bijna is bereikt" not in mail.body
    assert requests["letter"].reference in mail.body  # the late reply, in the same mail
    assert mail.subject == "Adviesvolger: wat is te laat of bijna te laat"
    run(DEADLINE + DAY)  # once a day
    assert len([m for m in mailoutbox if m.to == [secretary.email]]) == 1
    assert ReminderLog.objects.filter(recipient=secretary.email).count() == 1


@pytest.mark.parametrize(
    "day", [DEADLINE - 8 * DAY, DEADLINE - 6 * DAY, DEADLINE, DEADLINE + 2 * DAY]
)
def test_nothing_about_requests_on_other_days(requests, secretary, mailoutbox, day):
    run(day)
    mail = mail_to(mailoutbox, secretary.email)
    if day < datetime.date(2024, 2, 1):  # nothing late yet either: no mail at all
        assert mail is None
    else:
        assert "AV-2024-01" not in mail.body


def test_nothing_once_the_advice_was_sent(requests, secretary, mailoutbox):
    with time_machine.travel(datetime.datetime(2024, 2, 1, 10, tzinfo=datetime.UTC)):
        AdviceLetterFactory(request=requests["open"], status=LetterStatus.SENT)
    run(DEADLINE + DAY)
    mail = mail_to(mailoutbox, secretary.email)
    assert "AV-2024-01" not in mail.body


def test_the_number_of_days_is_a_setting(requests, secretary, mailoutbox, site_tree):
    home, _meetings = site_tree
    settings = LetterSettings.for_site(home.get_site())
    settings.request_reminder_days = 3
    settings.save()
    run(DEADLINE - 7 * DAY)
    assert "AV-2024-01" not in mail_to(mailoutbox, secretary.email).body  # the late reply only
    mailoutbox.clear()
    run(DEADLINE - 3 * DAY)
    assert "AV-2024-01" in mail_to(mailoutbox, secretary.email).body
