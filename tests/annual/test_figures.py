"""The year's figures (annual.figures.year_figures) on a small built year: every number the
report shows, with the council and the college on time and late."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.lifecycle.requests import AdviceTiming
from annual.figures import year_figures
from tests.annual.dataset import (
    PUBLICATION_DAY,
    YEAR,
    build_year,
    day,
    received_request,
    sent_letter,
)
from tests.factories import MeetingPageFactory

pytestmark = pytest.mark.django_db


def counts(rows):
    return {row["value"]: row["count"] for row in rows}


@pytest.fixture
def year():
    return build_year()


@pytest.fixture
def figures(year):
    return year_figures(YEAR, today=PUBLICATION_DAY)


def test_meetings_of_the_year_with_their_participants(figures):
    meetings = figures["meetings"]
    assert meetings["count"] == 3
    assert meetings["participants"] == 80
    assert meetings["without_count"] == 1
    assert [item["participants"] for item in meetings["items"]] == ["30", "ruim 50", ""]
    assert meetings["items"][0]["url"].startswith("http")


def test_requests_received_and_the_councils_timeliness(figures):
    requests = figures["requests"]
    assert requests["received"] == 4
    assert requests["answered"] == 2
    assert counts(requests["timing"]) == {
        AdviceTiming.OPEN: 0,
        AdviceTiming.LATE_OPEN: 1,
        AdviceTiming.ON_TIME: 1,
        AdviceTiming.LATE: 1,
        AdviceTiming.DECLINED: 1,
    }


def test_a_request_answered_on_its_last_day_is_on_time_and_the_day_after_is_late(year):
    edge = received_request(day(2022, 7, 1), reference="AV-2022-10")
    sent_letter(edge.deadline, 1, edge, "PR-2022-11")
    after = received_request(day(2022, 7, 2), reference="AV-2022-11")
    sent_letter(after.deadline + datetime.timedelta(days=1), 1, after, "PR-2022-12")
    timing = counts(year_figures(YEAR, today=PUBLICATION_DAY)["requests"]["timing"])
    assert timing[AdviceTiming.ON_TIME] == 2
    assert timing[AdviceTiming.LATE] == 2


def test_advice_given_requested_and_unrequested_with_links(figures):
    advice = figures["advice"]
    assert (advice["count"], advice["requested"], advice["unrequested"]) == (3, 2, 1)
    assert [item["reference"] for item in advice["items"]] == [
        "PR-2022-01",
        "PR-2022-02",
        "PR-2022-03",
    ]
    first = advice["items"][0]
    assert first["kind"] == "gevraagd" and first["request"] == "AV-2022-01"
    assert first["url"] == "http://localhost/adviezen/PR-2022-01/"
    assert advice["items"][2]["kind"] == "ongevraagd"


def test_recommendations_verdicts_and_the_adoption_rate(figures):
    verdicts = figures["verdicts"]
    assert verdicts["total"] == 6
    assert verdicts["with_verdict"] == 3
    assert verdicts["adopted"] == 2
    assert verdicts["adoption_percent"] == 67
    assert counts(verdicts["rows"])["overgenomen"] == 1
    assert counts(verdicts["rows"])["niet-overgenomen"] == 1
    assert counts(verdicts["rows"])[""] == 3


def test_the_colleges_timeliness(figures):
    replies = figures["replies"]
    assert counts(replies["rows"]) == {"op-tijd": 1, "te-laat": 1, "wacht": 0, "reactie-te-laat": 1}
    assert replies["on_time_percent"] == 50
    assert replies["term_weeks"] == 6


def test_a_reply_still_within_its_term_is_awaited_not_late(year):
    replies = year_figures(YEAR, today=day(2022, 7, 1))["replies"]
    assert counts(replies["rows"])["wacht"] == 1  # PR-2022-03, sent 17 June
    assert counts(replies["rows"])["reactie-te-laat"] == 0


def test_commitments_kept_not_kept_and_overdue(figures):
    commitments = figures["commitments"]
    assert commitments["total"] == 3
    assert counts(commitments["rows"]) == {
        "nagekomen": 1,
        "niet-nagekomen": 1,
        "te-laat": 1,
        "loopt": 0,
    }


def test_figures_are_plain_json(figures):
    import json

    assert json.loads(json.dumps(figures)) == figures


def test_a_constant_number_of_queries_however_many_letters_and_meetings(year):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            year_figures(YEAR, today=PUBLICATION_DAY)
        return len(captured)

    queries()  # the first fills Wagtail's cache of site root paths
    before = queries()
    meeting_index = year["home"].get_children().get(slug="bijeenkomsten").specific
    for number in range(5):
        sent_letter(day(2022, 10, 3 + number), 2, None, f"PR-2022-{20 + number}")
        MeetingPageFactory(
            parent=meeting_index, date=day(2022, 10, 3 + number), participant_count=5
        )
    assert queries() == before
