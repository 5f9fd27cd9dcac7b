"""``manage.py load_demo``: the requests for advice, the one the corpus shows and one made up."""

import dataclasses
import datetime
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from advices.demo import letters as demo_letters
from advices.demo import load as letters_loader
from advices.demo import load_requests
from advices.demo.requests import REQUESTS
from advices.lifecycle.requests import AdviceTiming, RequestStatus
from advices.models import AdviceKind, AdviceLetter, AdviceRequest, Decision, LetterStatus
from advices.pages.request_index import AdviceRequestIndexPage
from home.models import HomePage

TODAY = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC)
AMSTERDAM_WINTER = datetime.timezone(datetime.timedelta(hours=1))  # March 2019


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def samenspel():
    return AdviceRequest.objects.get(reference="AV-2019-01")


def example():
    return AdviceRequest.objects.get(subject__startswith="Voorbeeld:")


def text_of(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def counts():
    return {
        "requests": AdviceRequest.objects.count(),
        "request history": AdviceRequest.history.count(),
        "letters": AdviceLetter.objects.count(),
        "letter history": AdviceLetter.history.count(),
        "request pages": AdviceRequestIndexPage.objects.count(),
    }


# ---- The real request: the plan van aanpak "Samenspel", answered by PR-2019-01 ----------------


@pytest.mark.django_db
def test_samenspel_plan_is_a_request_answered_by_the_2019_letter_with_only_what_is_known(today):
    load_demo()
    request = samenspel()

    assert request.subject.startswith("Plan van aanpak ‘Samenspel in het sociaal domein")
    assert request.status == RequestStatus.ANSWERED
    # The documents give no request letter: no dates, no kenmerk, so no deadline either.
    assert request.received_on is None and request.letter_date is None
    assert request.deadline is None and request.municipal_reference == ""
    assert request.timing(answered_on=datetime.date(2019, 3, 1)) == AdviceTiming.UNKNOWN
    # What is assumed is said where the public reads the request.
    assert "Toelichting bij de demo" in request.questions
    assert "niet in de bronnen" in request.questions
    assert {theme.slug for theme in request.themes.all()} == {
        "samenspel-in-het-sociaal-domein",
        "sterke-sociale-basis",
    }

    [letter] = request.letters.all()
    assert letter.reference == "PR-2019-01"
    assert letter.kind == AdviceKind.REQUESTED
    # The link is part of the letter's text from its first version on, before it was adopted.
    assert all(row.request_id == request.pk for row in letter.history.all())


@pytest.mark.django_db
def test_samenspel_request_is_registered_and_answered_through_the_actions_on_dated_steps(today):
    load_demo()
    rows = list(samenspel().history.order_by("history_date"))

    assert [row.status for row in rows] == [RequestStatus.RECEIVED, RequestStatus.ANSWERED]
    registered, answered = rows
    assert registered.history_user.username == "secretaris"
    assert registered.history_date == datetime.datetime(2019, 3, 1, 8, tzinfo=AMSTERDAM_WINTER)
    # Answered by sending the letter, at the letter's (assumed) sending time.
    sent_at = AdviceLetter.objects.get(reference="PR-2019-01").sent_at
    assert (
        answered.history_date
        == sent_at
        == datetime.datetime(2019, 3, 1, 10, tzinfo=AMSTERDAM_WINTER)
    )
    assert answered.status_reason == "Advies PR-2019-01 verstuurd"


@pytest.mark.django_db
def test_letter_page_says_the_2019_letter_is_gevraagd_and_the_others_ongevraagd(client, today):
    load_demo()

    assert "Soort advies Gevraagd advies" in text_of(client.get("/adviezen/PR-2019-01/"))
    for reference in ("PR-2019-02", "PR-2022-01"):
        assert AdviceLetter.objects.get(reference=reference).request is None
        assert "Soort advies Ongevraagd advies" in text_of(client.get(f"/adviezen/{reference}/"))
    concept = AdviceLetter.objects.get(status=LetterStatus.CONCEPT)
    assert concept.request is None


@pytest.mark.django_db
def test_no_decision_is_recorded_as_the_corpus_gives_none_with_a_date_and_a_source(today):
    load_demo()
    assert Decision.objects.count() == 0


# ---- The made-up request: one, marked, still open ---------------------------------------------


@pytest.mark.django_db
def test_one_made_up_request_is_open_marked_and_answered_by_no_letter(today):
    load_demo()
    request = example()

    # The only request that is not in the documents.
    assert [data.reference for data in REQUESTS].count(None) == 1
    assert AdviceRequest.objects.count() == 2
    assert request.questions.startswith(
        "Toelichting bij de demo: deze aanvraag is verzonnen om te laten zien hoe"
    )
    assert request.reference == "AV-2026-01"
    assert request.is_open and request.status == RequestStatus.IN_PROGRESS
    assert request.received_on == today - datetime.timedelta(days=10)
    assert request.letter_date == today - datetime.timedelta(days=12)
    # The council's term (six weeks by default) from receipt: 32 days left.
    assert request.deadline == request.received_on + datetime.timedelta(weeks=6)
    assert request.days_left(today) == 32
    assert request.timing(None, today) == AdviceTiming.OPEN
    assert request.letters.count() == 0

    # Submitted by the municipality, taken up by the secretariat.
    assert request.submitted_by.username == "gemeente"
    assert request.status_changed_by.username == "secretaris"
    assert request.status_reason.startswith("Voorbeeld:")


# ---- The "Adviesaanvragen" page ----------------------------------------------------------------


@pytest.mark.django_db
def test_requests_page_is_made_under_the_home_page_with_a_dutch_intro(today):
    load_demo()
    page = AdviceRequestIndexPage.objects.get()

    assert page.get_parent().specific == HomePage.objects.get()
    assert (page.slug, page.title, page.live, page.show_in_menus) == (
        "adviesaanvragen",
        "Adviesaanvragen",
        True,
        True,
    )
    assert "om advies vragen" in page.intro and page.search_description
    assert page.request_url(samenspel()) == "/adviesaanvragen/AV-2019-01/"


# ---- Running again -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_running_twice_registers_nothing_twice(today):
    output = load_demo()
    assert "requests for advice: 2 created, 0 updated, 0 unchanged" in output
    first = counts()
    assert first["requests"] == 2 and first["request pages"] == 1

    output = load_demo()
    assert counts() == first
    assert "requests for advice: 0 created, 0 updated, 2 unchanged" in output

    # Also a day later and with --refresh: the made-up request is found again by its subject.
    with time_machine.travel(TODAY + datetime.timedelta(days=1), tick=False):
        load_demo("--refresh")
    assert counts() == first


@pytest.mark.django_db
def test_without_demo_accounts_no_request_is_registered_but_the_page_is_there(today):
    output = load_demo("--no-accounts")
    assert AdviceRequest.objects.count() == 0
    assert "Demo request ‘Voorbeeld: uitwerking van de gesprekstafels sociale basis’ skipped" in (
        output
    )
    assert AdviceRequestIndexPage.objects.count() == 1

    load_demo()
    assert AdviceRequest.objects.count() == 2
    assert samenspel().letters.get().reference == "PR-2019-01"


@pytest.mark.django_db
def test_a_database_loaded_before_requests_keeps_its_2019_letter_and_says_why(monkeypatch, today):
    # The demo as it was before requests: no requests, and PR-2019-01 answering none.
    old_letters = [
        dataclasses.replace(letter, answers=None) if letter.answers else letter
        for letter in demo_letters.LETTERS
    ]
    with monkeypatch.context() as patch:
        patch.setattr(letters_loader, "LETTERS", old_letters)
        patch.setattr(load_requests, "REQUESTS", [])
        load_demo()
    assert AdviceLetter.objects.get(reference="PR-2019-01").request is None

    output = load_demo()

    # The sent letter is not changed; its request is not registered as an open one.
    assert AdviceLetter.objects.get(reference="PR-2019-01").request is None
    assert not AdviceRequest.objects.filter(reference="AV-2019-01").exists()
    assert "Demo request AV-2019-01 not registered" in output
    assert "start from a fresh database" in output
    # The made-up request is there all the same.
    assert example().is_open
