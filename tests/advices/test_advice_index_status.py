"""The Adviezen list shows each letter's status in words and, while the college's reply is
awaited, the day it is due; a late reply says so ("Reactie te laat — verwacht uiterlijk
…"). The number of queries does not grow with the letters on the page."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from advices.models import LetterStatus
from tests.factories import AdviceLetterFactory, CollegeResponseFactory

SENT_ON = datetime.datetime(2022, 6, 17, 10, tzinfo=datetime.UTC)


def sent_letter(reference, day=SENT_ON, **fields):
    with time_machine.travel(day, tick=False):
        return AdviceLetterFactory(
            reference=reference,
            date=day.date(),
            recommendations=2,
            status=LetterStatus.SENT,
            **fields,
        )


def card_texts(response):
    """Per letter on the page, its card's text with the whitespace squeezed."""
    html = response.content.decode()
    cards = re.findall(r'<article class="card letter-card">(.*?)</article>', html, re.S)
    return {
        re.search(r"PR-\d{4}-\d{2}", card).group(): " ".join(strip_tags(card).split())
        for card in cards
    }


@pytest.fixture
def letters(index):
    late = sent_letter("PR-2022-01", subject="Mantelzorg")
    waiting = sent_letter(
        "PR-2022-02",
        day=datetime.datetime(2022, 8, 1, 10, tzinfo=datetime.UTC),
        subject="Buurtcafé",
    )
    answered = sent_letter("PR-2022-03", subject="Jeugd")
    CollegeResponseFactory(letter=answered, received_on=datetime.date(2022, 7, 15))
    return {"late": late, "waiting": waiting, "answered": answered}


@time_machine.travel(datetime.datetime(2022, 8, 15, 12, tzinfo=datetime.UTC), tick=False)
def test_each_letter_shows_its_status_and_a_late_reply_with_its_due_date(client, index, letters):
    cards = card_texts(client.get(index.url))
    # Sent on 17 June with the default term of six weeks: due 29 July, late on 15 August.
    assert (
        "Status: Verzonden Reactie te laat — verwacht uiterlijk 29 juli 2022" in cards["PR-2022-01"]
    )
    # Sent on 1 August: due 12 September, not late yet.
    assert "Status: Verzonden Reactie verwacht uiterlijk 12 september 2022" in cards["PR-2022-02"]
    assert "te laat" not in cards["PR-2022-02"]
    # Answered: the status says so, and nothing is awaited any more.
    assert "Status: Beantwoord" in cards["PR-2022-03"]
    assert "verwacht" not in cards["PR-2022-03"] and "te laat" not in cards["PR-2022-03"]


@time_machine.travel(datetime.datetime(2022, 7, 20, 12, tzinfo=datetime.UTC), tick=False)
def test_a_reply_is_not_late_before_its_due_date(client, index, letters):
    cards = card_texts(client.get(index.url))
    assert "Reactie verwacht uiterlijk 29 juli 2022" in cards["PR-2022-01"]
    assert "te laat" not in cards["PR-2022-01"]


@time_machine.travel(datetime.datetime(2022, 8, 15, 12, tzinfo=datetime.UTC), tick=False)
def test_lateness_is_written_out_not_only_coloured(client, index, letters):
    html = client.get(index.url).content.decode()
    badge = re.search(r'<span class="status-badge status-badge--late">([^<]*)</span>', html)
    assert badge and badge.group(1) == "Reactie te laat"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@time_machine.travel(datetime.datetime(2022, 8, 15, 12, tzinfo=datetime.UTC), tick=False)
def test_the_status_costs_no_query_per_letter(client, index, letters):
    few = count_queries(client, index.url)
    for number in range(4, 11):
        letter = sent_letter(f"PR-2022-{number:02d}")
        if number % 2:
            CollegeResponseFactory(letter=letter)
    assert count_queries(client, index.url) <= few
