"""Timeliness both ways (issue 13): the rules of ``lifecycle.timeliness`` at their edges, the
figures per year on a known data set, the table on the home page and the tracker, and a
fixed number of queries whatever the number of requests."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.lifecycle.requests import RequestStatus
from advices.lifecycle.statuses import LetterStatus
from advices.lifecycle.timeliness import LATE, ON_TIME, advice_outcome, reply_outcome
from advices.pages import RecommendationIndexPage
from advices.queries.dashboard import build_dashboard, timeliness
from tests.advices.request_world import NOW, TODAY, add_many_requests, build_request_world
from tests.factories import AdviceRequestFactory

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2023, 2, 13)
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=False):
        yield


# -- the rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "deadline", "answered", "today", "expected"),
    [
        (RequestStatus.ANSWERED, DEADLINE, DEADLINE, TODAY, ON_TIME),  # on the last day
        (RequestStatus.ANSWERED, DEADLINE, DEADLINE + DAY, TODAY, LATE),  # a day after
        (RequestStatus.IN_PROGRESS, DEADLINE, None, DEADLINE, None),  # term runs today
        (RequestStatus.IN_PROGRESS, DEADLINE, None, DEADLINE + DAY, LATE),  # advies te laat
        (RequestStatus.RECEIVED, DEADLINE, None, DEADLINE + DAY, LATE),
        (RequestStatus.DECLINED, DEADLINE, None, TODAY, None),  # not counted
        (RequestStatus.ANSWERED, None, DEADLINE, TODAY, None),  # no deadline: not counted
    ],
)
def test_advice_outcome_at_the_edges(status, deadline, answered, today, expected):
    assert advice_outcome(status, deadline, answered, today) == expected


SENT = datetime.date(2023, 2, 10)
DUE = SENT + datetime.timedelta(weeks=6)


@pytest.mark.parametrize(
    ("status", "sent", "received", "today", "expected"),
    [
        (LetterStatus.ANSWERED, SENT, DUE, TODAY, ON_TIME),  # on the last day of the term
        (LetterStatus.ANSWERED, SENT, DUE + DAY, TODAY, LATE),
        (LetterStatus.SENT, SENT, None, DUE, None),  # the term still runs
        (LetterStatus.SENT, SENT, None, DUE + DAY, LATE),  # reactie te laat
        (LetterStatus.SENT, None, None, TODAY, None),
    ],
)
def test_reply_outcome_at_the_edges(status, sent, received, today, expected):
    assert reply_outcome(status, sent, received, today, 6) == expected


# -- the figures -------------------------------------------------------------------------------


def test_figures_per_year_on_the_known_data_set():
    build_request_world()
    rows = timeliness(TODAY)
    assert [row.year for row in rows] == [2023]
    (year,) = rows
    # AV-2023-01 on time; AV-2023-02 late; AV-2023-03 open past its deadline. Declined,
    # without a deadline, and the open one within its term are not counted.
    assert (year.advice.on_time, year.advice.late, year.advice.percent) == (1, 2, 33)
    assert (year.reply.on_time, year.reply.late, year.reply.percent) == (1, 1, 50)


def test_an_open_request_turns_late_the_day_after_its_deadline():
    world = build_request_world()
    deadline = datetime.date(2024, 2, 13)  # AV-2024-01
    assert timeliness(deadline)[-1].year == 2023
    rows = timeliness(deadline + DAY)
    assert rows[-1].year == 2024
    assert (rows[-1].advice.on_time, rows[-1].advice.late) == (0, 1)
    assert world["open_late"].status == RequestStatus.IN_PROGRESS


def test_the_table_is_on_the_tracker_and_says_what_is_not_counted(client, site_tree):
    home, _meetings = site_tree
    tracker = home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )
    build_request_world()
    html = client.get(tracker.url).content.decode()
    assert "Op tijd, per jaar" in html
    table = html[html.index("Op tijd, per jaar") :]
    row = table[table.index('<th scope="row">2023</th>') :].split("</tr>")[0]
    cells = [cell.split(">")[-1] for cell in row.split("</td>")[:-1]]
    assert cells == ["1", "2", "33%", "1", "1", "50%"]
    assert "afzag van advies" in html and "zonder uiterste datum" in html
    home_html = client.get(home.url).content.decode()
    assert "Op tijd, per jaar" in home_html


def test_the_dashboard_changes_when_a_request_is_recorded(client, site_tree):
    """The dashboard is cached under a fingerprint of the data: a new request is in it."""
    home, _meetings = site_tree
    tracker = home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )
    build_request_world()
    assert "2019" not in timeliness_table(client.get(tracker.url))
    AdviceRequestFactory(
        reference="AV-2019-01",
        received_on=datetime.date(2019, 1, 2),
        deadline=datetime.date(2019, 2, 13),
    )
    assert '<th scope="row">2019</th>' in timeliness_table(client.get(tracker.url))


def timeliness_table(response):
    html = response.content.decode()
    return html[html.index("Op tijd, per jaar") :]


def count_queries(today):
    with CaptureQueriesContext(connection) as captured:
        build_dashboard(today=today, version="fixed")
    return len(captured)


def test_a_fixed_number_of_queries_for_5_and_500_requests():
    build_request_world()
    small = count_queries(TODAY)
    add_many_requests(500)
    cache.clear()
    assert count_queries(TODAY) == small
    rows = timeliness(TODAY)
    assert rows[0].year == 2019 and rows[0].advice.late == 500
