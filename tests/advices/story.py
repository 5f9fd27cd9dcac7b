"""A letter's story told at fixed moments, as the site records it: sent, the college's reply,
verdicts and follow-ups (through ``advices.actions``, like the admin). Shared by the tests of
the timeline, the feeds and following by email."""

import datetime

import time_machine

from advices.actions import transition
from advices.actions.college import RecordProgress, RecordReply
from advices.models import CollegeResponse, FollowUp
from advices.pages import AdviceIndexPage
from tests.factories import UserFactory, make_letter


def at(*args):
    """A moment in UTC, frozen."""
    return time_machine.travel(datetime.datetime(*args, tzinfo=datetime.UTC), tick=False)


def add_index(site_tree):
    home, _meetings = site_tree
    return home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))


def make_people():
    """Users with names that must never reach the public timeline."""
    return {
        "secretary": UserFactory(
            username="sem",
            first_name="Sem",
            last_name="Secretarisma",
            email="",  # the secretariat's reply notice stays out of the follow tests' mailbox
            groups=["Secretariaat"],
        ),
        "clerk": UserFactory(
            username="gerda", first_name="Gerda", last_name="Gemeentema", groups=["Gemeente"]
        ),
        "member": UserFactory(
            username="rianne", first_name="Rianne", last_name="Raadslidma", groups=["Raadsleden"]
        ),
    }


def send_letter(people, reference="PR-2022-07", recommendations=1, themes=(), moment=None):
    """A letter, drafted and sent at ``moment`` (UTC); with its themes set before sending."""
    with at(*(moment or (2022, 6, 17, 22, 30))):
        letter = make_letter(recommendations=recommendations, reference=reference)
        if themes:
            letter.themes.set(themes)
            letter.save()
        for action in ("propose", "adopt", "send"):
            transition(letter, action, people["secretary"])
    return letter


def record(instance, user, moment):
    with at(*moment):
        return RecordProgress(instance, user).execute()


def reply(letter, user, moment=(2022, 7, 15, 9)):
    with at(*moment):
        return RecordReply(
            CollegeResponse(letter=letter, received_on=datetime.date(*moment[:3]), text="Brief"),
            user,
        ).execute()


def set_verdict(response, recommendation, verdict, user, moment, answer="Wij onderzoeken dit."):
    item = response.answers.get(recommendation=recommendation)
    item.verdict = verdict
    item.answer = answer
    return record(item, user, moment)


def follow_up(recommendation, state, date, user, recorded=None, commitment=None, note=None):
    update = FollowUp(
        recommendation=recommendation,
        commitment=commitment,
        date=date,
        state=state,
        note=note or f"Bericht van {date:%d-%m-%Y}.",
    )
    return record(update, user, recorded or (date.year, date.month, date.day, 12))
