"""advices.notify: one mail per follower per action, sent by background tasks after the
commit (never inside a web request), in a fixed number of queries."""

import datetime
import logging
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks import default_task_backend

from advices.actions import transition
from advices.actions.college import RecordVerdicts
from advices.actions.events import RecommendationChange, StatusChange, reply_recorded
from advices.lifecycle.statuses import LetterStatus, PublicStatus, Verdict
from advices.models import Subscription
from advices.notify import follower_mail, tasks
from tests.advices.story import reply, send_letter
from tests.factories import SubscriptionFactory, ThemeFactory, make_letter

VERDICTS = [Verdict.ADOPTED, Verdict.PARTLY_ADOPTED, Verdict.NOT_ADOPTED, Verdict.NOTED]


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Jeugd", slug="jeugd")


@pytest.fixture
def letter(index, people, theme):
    return send_letter(people, "PR-2022-07", recommendations=5, themes=[theme])


@pytest.fixture
def replied(letter, people, django_capture_on_commit_callbacks, mailoutbox):
    """The letter with the college's reply recorded (and the mails of that gone)."""
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(letter, people["clerk"])
    mailoutbox.clear()
    return response


def follow(email, followed, confirmed=True):
    return SubscriptionFactory(
        email=email,
        followed=followed,
        confirmed_at=datetime.datetime(2022, 7, 1, tzinfo=datetime.UTC) if confirmed else None,
    )


def verdicts_on(response, numbers, clerk):
    """Record verdicts on the recommendations ``numbers`` in one save, as the verdicts page."""
    answers = list(
        response.answers.filter(recommendation__number__in=numbers).order_by(
            "recommendation__number"
        )
    )
    for answer, verdict in zip(answers, VERDICTS * len(answers), strict=False):
        answer.verdict = verdict
        answer.answer = "Het college neemt dit mee."
    return RecordVerdicts(response, answers, clerk).execute()


def by_address(outbox):
    found = {}
    for message in outbox:
        (address,) = message.to
        assert address not in found, f"two mails to {address}"
        found[address] = message
    return found


def test_one_mail_per_follower_for_a_whole_verdicts_page(
    letter, theme, replied, people, mailoutbox, django_capture_on_commit_callbacks
):
    recommendations = {r.number: r for r in letter.recommendations.all()}
    follow("brief@example.nl", letter)
    follow("thema@example.nl", theme)
    follow("een@example.nl", recommendations[1])
    follow("twee-en-vier@example.nl", recommendations[2])
    follow("twee-en-vier@example.nl", recommendations[4])
    follow("vijf@example.nl", recommendations[5])  # gets no verdict in this save
    follow("alles@example.nl", recommendations[1])
    follow("alles@example.nl", letter)
    follow("alles@example.nl", theme)
    follow("onbevestigd@example.nl", letter, confirmed=False)

    with django_capture_on_commit_callbacks(execute=True):
        verdicts_on(replied, [1, 2, 3, 4], people["clerk"])

    mails = by_address(mailoutbox)
    assert sorted(mails) == [
        "alles@example.nl",
        "brief@example.nl",
        "een@example.nl",
        "thema@example.nl",
        "twee-en-vier@example.nl",
    ]
    # A letter or theme follower hears of every changed recommendation, in number order.
    for address in ("brief@example.nl", "thema@example.nl", "alles@example.nl"):
        body = mails[address].body
        labels = re.findall(r"Aanbeveling (2022-07 / \d) heeft een nieuwe status", body)
        assert labels == [f"2022-07 / {n}" for n in (1, 2, 3, 4)], address
    assert (
        "Standpunt gegeven (Overgenomen) (was: Reactie ontvangen, geen standpunt)"
        in mails["brief@example.nl"].body
    )
    # Following the theme, the letter and a recommendation: one mail, about the theme.
    assert mails["alles@example.nl"].subject == "Nieuws over het thema Jeugd"
    assert mails["brief@example.nl"].subject == (
        "Nieuws over het advies PR-2022-07 ‘Sterke sociale basis’"
    )

    # A recommendation follower hears of that recommendation only.
    one = mails["een@example.nl"]
    assert one.subject == "Nieuws over aanbeveling 2022-07 / 1"
    assert re.findall(r"Aanbeveling (2022-07 / \d)", one.body) == ["2022-07 / 1"]
    assert "http://localhost/adviezen/PR-2022-07/aanbeveling/1/" in one.body

    # Two followed recommendations changed: one mail naming both, a link to leave each.
    two = mails["twee-en-vier@example.nl"]
    assert two.subject == "Nieuws over de aanbevelingen 2022-07 / 2 en 2022-07 / 4"
    assert re.findall(r"Aanbeveling (2022-07 / \d)", two.body) == ["2022-07 / 2", "2022-07 / 4"]
    leave = re.findall(r"https?://\S+/volgen/afmelden/\S+", two.body)
    assert len(leave) == 2
    assert two.extra_headers["List-Unsubscribe"] == f"<{leave[0]}>"
    assert two.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for message in mails.values():
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_letter_follower_hears_of_the_letter_and_its_recommendations_in_one_mail(
    letter, index, people, mailoutbox
):
    recommendations = list(letter.recommendations.order_by("number"))
    follow("brief@example.nl", letter)
    follow("een@example.nl", recommendations[0])
    change = StatusChange(
        letter_id=letter.pk,
        letter_before=LetterStatus.SENT,
        letter_after=LetterStatus.ANSWERED,
        recommendations=[
            RecommendationChange(r.pk, PublicStatus.AWAITING_REPLY, PublicStatus.VERDICT_GIVEN)
            for r in recommendations[:2]
        ],
    )
    tasks.mail_followers.enqueue(change.as_dict())
    mails = by_address(mailoutbox)
    letter_mail = mails["brief@example.nl"].body
    assert letter_mail.count("heeft een nieuwe status") == 3
    assert "heeft een nieuwe status: Beantwoord (was: Verzonden)." in letter_mail
    # The letter's own status is not news about a recommendation.
    assert mails["een@example.nl"].body.count("heeft een nieuwe status") == 1


def test_mail_waits_for_the_commit_of_an_action(
    replied, people, mailoutbox, django_capture_on_commit_callbacks, letter
):
    follow("brief@example.nl", letter)
    with django_capture_on_commit_callbacks() as callbacks:
        verdicts_on(replied, [1, 2], people["clerk"])
    assert mailoutbox == []  # recorded, not yet committed: nothing sent
    assert callbacks
    for callback in callbacks:
        callback()
    assert [message.to for message in mailoutbox] == [["brief@example.nl"]]


def test_no_mail_inside_the_follow_request(
    client, letter, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            f"/volgen/advies/{letter.pk}/",
            {"email": "nieuw@example.nl"},
            HTTP_ORIGIN="http://testserver",
        )
    assert response.status_code == 302
    assert response["Location"] == "/volgen/bevestig-uw-e-mail/"
    assert mailoutbox == []  # the request did not send it
    assert Subscription.objects.filter(email="nieuw@example.nl", confirmed_at=None).exists()
    assert len(callbacks) == 1
    callbacks[0]()
    (confirmation,) = mailoutbox
    assert confirmation.to == ["nieuw@example.nl"]
    assert "/volgen/bevestigen/" in confirmation.body
    # The link goes to the host the visitor used.
    assert "http://testserver/volgen/bevestigen/" in confirmation.body
    # The page says the same as before.
    assert "Kijk in uw mailbox" in client.get(response["Location"]).content.decode()


def test_no_mail_inside_the_admin_request_that_records_a_reply(
    client, letter, people, mailoutbox, django_capture_on_commit_callbacks
):
    people["secretary"].email = "secretariaat@example.org"
    people["secretary"].save()
    client.force_login(people["clerk"])
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            reverse("wagtailsnippets_advices_collegeresponse:add"),
            {
                "letter": letter.pk,
                "received_on": "2022-08-01",
                "college_reference": "Z/22/123",
                "summary": "Het college neemt de meeste adviezen over.",
                "text": "Geachte raad,",
            },
        )
    assert response.status_code == 302
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert [message.to for message in mailoutbox] == [["secretariaat@example.org"]]
    assert "ontvangen op 1 augustus 2022" in mailoutbox[0].body


@pytest.fixture
def queued(settings):
    """Tasks wait in a queue (as with the worker in production) instead of running at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_the_actions_only_enqueue_tasks_with_plain_data(
    letter, people, theme, mailoutbox, queued, django_capture_on_commit_callbacks
):
    follow("thema@example.nl", theme)
    people["secretary"].email = "secretariaat@example.org"
    people["secretary"].save()
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(letter, people["clerk"])
    with django_capture_on_commit_callbacks(execute=True):
        verdicts_on(response, [1, 2, 3], people["clerk"])
    assert mailoutbox == []  # queued, not sent
    # Wagtail queues tasks of its own (the reference index); ours are the mail.
    results = [r for r in queued.results if r.task.module_path.startswith("advices.notify.")]
    assert sorted(result.task.name for result in results) == [
        "mail_followers",  # the reply: the letter is beantwoord
        "mail_followers",  # the verdicts: one task for the whole page
        "mail_secretariat_of_reply",
    ]
    # What a worker in another process gets: JSON, and the same mail from it.
    for result in results:
        result.task.call(*result.args, **result.kwargs)
    assert sorted(message.to[0] for message in mailoutbox) == [
        "secretariaat@example.org",
        "thema@example.nl",
        "thema@example.nl",
    ]
    verdicts_mail = next(m for m in mailoutbox if "Aanbeveling" in m.body)
    assert verdicts_mail.to == ["thema@example.nl"]
    assert verdicts_mail.body.count("heeft een nieuwe status") == 3


def test_steps_before_sending_enqueue_nothing(
    people, theme, queued, django_capture_on_commit_callbacks
):
    follow("thema@example.nl", theme)
    draft = make_letter(recommendations=1, reference="PR-2022-08", themes=[theme])
    with django_capture_on_commit_callbacks(execute=True):
        for action in ("propose", "adopt"):
            transition(draft, action, people["secretary"])
    assert not [r for r in queued.results if r.task.module_path.startswith("advices.notify.")]


def build_world(people, size):
    """A sent letter of ``size`` recommendations, each followed by its own address, the letter
    and the theme by ``size`` addresses more; and the change of all those recommendations."""
    theme = ThemeFactory(slug=f"thema-{size}")
    letter = send_letter(people, f"PR-2023-{size:02d}", recommendations=size, themes=[theme])
    recommendations = list(letter.recommendations.order_by("number"))
    for number, recommendation in enumerate(recommendations):
        follow(f"aanbeveling{number}-{size}@example.nl", recommendation)
        follow(f"brief{number}-{size}@example.nl", letter if number % 2 else theme)
    return StatusChange(
        letter_id=letter.pk,
        letter_before=LetterStatus.SENT,
        letter_after=LetterStatus.ANSWERED,
        recommendations=[
            RecommendationChange(
                r.pk, PublicStatus.AWAITING_REPLY, PublicStatus.VERDICT_GIVEN, Verdict.ADOPTED
            )
            for r in recommendations
        ],
    )


def test_queries_do_not_grow_with_recommendations_and_followers(index, people, mailoutbox):
    counts = {}
    for size in (2, 40):
        change = build_world(people, size)
        mailoutbox.clear()
        cache.clear()  # Wagtail caches the sites' root paths: count that query each time
        with CaptureQueriesContext(connection) as queries:
            tasks.mail_followers.call(change.as_dict())
        assert len(mailoutbox) == 2 * size
        counts[size] = len(queries)
    assert counts[2] == counts[40], counts
    assert counts[40] <= 9, counts


def test_composing_for_many_followers_is_a_fixed_number_of_queries(
    index, people, django_assert_max_num_queries
):
    change = build_world(people, 12)
    cache.clear()
    with django_assert_max_num_queries(9):
        messages = follower_mail.status_change_messages(change)
    assert len(messages) == 24


def test_a_failing_mail_server_is_logged_and_the_recording_stays(
    letter, replied, people, mailoutbox, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    follow("brief@example.nl", letter)
    tried = []

    def broken(self, messages):
        tried.extend(messages)
        raise ConnectionRefusedError("geen mailserver")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        verdicts_on(replied, [1], people["clerk"])
    assert [message.to for message in tried] == [["brief@example.nl"]]  # it was tried
    assert mailoutbox == []
    assert "Volgers konden niet worden gemaild" in caplog.text
    replied.refresh_from_db()
    assert replied.answers.get(recommendation__number=1).verdict == Verdict.ADOPTED


def test_a_queue_that_refuses_the_task_does_not_break_the_recording(
    letter, replied, people, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    follow("brief@example.nl", letter)

    def refuse(*args, **kwargs):
        raise RuntimeError("wachtrij onbereikbaar")

    monkeypatch.setattr(type(tasks.mail_followers), "enqueue", refuse)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        verdicts_on(replied, [1], people["clerk"])
    assert "kon niet in de wachtrij" in caplog.text
    assert replied.answers.get(recommendation__number=1).verdict == Verdict.ADOPTED


def test_a_reply_to_a_gone_response_mails_nobody(db, mailoutbox):
    reply_recorded.send(sender=StatusChange, response_id=999999)
    assert mailoutbox == []


def test_followers_of_a_letter_that_is_not_public_hear_nothing(people, theme, mailoutbox):
    follow("thema@example.nl", theme)
    draft = make_letter(recommendations=1, reference="PR-2022-08", themes=[theme])
    change = StatusChange(draft.pk, LetterStatus.CONCEPT, LetterStatus.SENT)
    assert tasks.mail_followers.call(change.as_dict()) == 0
    assert mailoutbox == []
