"""``manage.py send_reminders``: overdue replies and commitments, once a day per recipient."""

import datetime
import signal

import pytest
import time_machine
from django.core.management import CommandError, call_command

from advices.actions.college import RecordReply
from advices.models import (
    CollegeResponse,
    Commitment,
    FollowUp,
    FollowUpState,
    LetterStatus,
    ReminderLog,
)
from tests.factories import make_letter

SENT_AT = datetime.datetime(2022, 6, 17, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def late_world(db, secretary, clerk):
    with time_machine.travel(SENT_AT, tick=False):
        unanswered = make_letter(
            subject="Sterke sociale basis",
            recommendations=1,
            status=LetterStatus.SENT,
            user=secretary,
        )
        answered = make_letter(
            subject="Samenspel", recommendations=2, status=LetterStatus.SENT, user=secretary
        )
        RecordReply(
            CollegeResponse(letter=answered, received_on=datetime.date(2022, 7, 1), text="Dank"),
            clerk,
        ).execute()
    first, second = answered.recommendations.order_by("number")
    late = Commitment.objects.create(
        recommendation=first,
        description="Inventarisatie van organisaties en waar ze mee bezig zijn",
        responsible="Team sociaal domein",
        contact_email="sociaal@example.org",
        due_date=datetime.date(2020, 3, 31),
        due_precision="kwartaal",
    )
    done = Commitment.objects.create(
        recommendation=second,
        description="Ervaringsdeskundigheid als criterium",
        responsible="Team inkoop",
        contact_email="inkoop@example.org",
        due_date=datetime.date(2020, 3, 31),
    )
    FollowUp.objects.create(
        recommendation=second, commitment=done, state=FollowUpState.DONE, note="Gedaan."
    )
    return {"unanswered": unanswered, "late": late, "done": done}


def run(day):
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(7, 0)), tick=False):
        call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_overdue_reply_and_commitment_reach_the_right_people(late_world, secretary, mailoutbox):
    run(datetime.date(2022, 8, 1))
    recipients = sorted(address for mail in mailoutbox for address in mail.to)
    assert recipients == sorted([secretary.email, "sociaal@example.org"])
    to_secretariat = next(mail for mail in mailoutbox if mail.to == [secretary.email])
    assert "Sterke sociale basis" in to_secretariat.body
    assert "eerste kwartaal 2020" in to_secretariat.body
    assert "Ervaringsdeskundigheid" not in to_secretariat.body  # done, even if late
    to_team = next(mail for mail in mailoutbox if mail.to == ["sociaal@example.org"])
    assert "Inventarisatie van organisaties" in to_team.body
    assert "Sterke sociale basis" not in to_team.body


def test_running_twice_on_one_day_sends_nothing_twice(late_world, mailoutbox):
    run(datetime.date(2022, 8, 1))
    first = len(mailoutbox)
    run(datetime.date(2022, 8, 1))
    assert len(mailoutbox) == first == 2
    assert ReminderLog.objects.count() == 2
    run(datetime.date(2022, 8, 2))
    assert len(mailoutbox) == 4


@pytest.fixture
def deadline():
    """Fail instead of hanging: the command once never ended (a list grew while looped over)."""

    def too_long(signum, frame):
        raise TimeoutError("send_reminders did not end within 60 seconds")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_contact_in_the_secretariat_gets_one_mail_listing_each_item_once(
    late_world, secretary, mailoutbox, deadline
):
    # Both late commitments name a member of the secretariat as contact (once in capitals).
    late = late_world["late"]
    Commitment.objects.filter(pk=late.pk).update(contact_email=secretary.email)
    second = Commitment.objects.create(
        recommendation=late.recommendation,
        description="Een plan voor de wijkteams",
        responsible="Team wijken",
        contact_email=secretary.email.upper(),
        due_date=datetime.date(2020, 6, 30),
    )
    assert second.pk

    run(datetime.date(2022, 8, 1))

    (message,) = mailoutbox
    assert message.to == [secretary.email]
    assert message.body.count("Inventarisatie van organisaties") == 1
    assert message.body.count("Een plan voor de wijkteams") == 1
    assert message.body.count("Sterke sociale basis") == 1  # the late reply, once
    assert ReminderLog.objects.get().recipient == secretary.email


def test_a_mail_that_cannot_be_sent_is_tried_again_the_same_day(
    late_world, secretary, mailoutbox, monkeypatch
):
    def broken(self, messages):
        raise ConnectionRefusedError("geen mailserver")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
        with pytest.raises(CommandError, match="could not be sent"):
            run(datetime.date(2022, 8, 1))
    assert not ReminderLog.objects.exists()  # the claims were given back
    run(datetime.date(2022, 8, 1))
    assert len(mailoutbox) == 2


def test_nothing_is_late_within_the_response_term(late_world, mailoutbox):
    Commitment.objects.filter(pk=late_world["late"].pk).update(due_date=datetime.date(2030, 1, 1))
    run(datetime.date(2022, 7, 29))  # six weeks after sending: still in time
    assert mailoutbox == []


def test_the_admin_dashboard_lists_what_is_late(client, late_world, secretary):
    client.force_login(secretary)
    with time_machine.travel(datetime.datetime(2022, 8, 1, 9, tzinfo=datetime.UTC)):
        html = client.get("/admin/").content.decode()
    assert "Reactie van het college te laat" in html
    assert "Sterke sociale basis" in html
    assert "Inventarisatie van organisaties" in html
    assert "eerste kwartaal 2020" in html
