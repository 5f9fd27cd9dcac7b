"""A recommendation of a letter whose reply is recorded, but that got no verdict of its own,
is *reactie ontvangen, geen standpunt* everywhere the public looks: its page, the tracker,
the dashboard, the feeds, the CSV and JSON exports and the API. Never *wacht op reactie*,
which would contradict the timeline that says the college replied."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from advices.lifecycle.statuses import PublicStatus, Verdict
from advices.models import Recommendation
from advices.pages import RecommendationIndexPage
from advices.queries.dashboard import build_dashboard
from advices.queries.tracker import filtered_recommendations
from tests.factories import (
    AdviceLetterFactory,
    CollegeResponseFactory,
    RecommendationAnswerFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

LABEL = "Reactie ontvangen, geen standpunt"
VALUE = PublicStatus.REPLIED_WITHOUT_VERDICT.value


@pytest.fixture
def tracker(site_tree):
    home, _meetings = site_tree
    return home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )


@pytest.fixture
def replied(index, clerk):
    """A sent letter with a recorded reply: a verdict on number 1, none on number 2."""
    letter = AdviceLetterFactory(
        status="verzonden", recommendations=2, themes=[ThemeFactory(slug="jeugd", name="Jeugd")]
    )
    CollegeResponseFactory(letter=letter, recorded_by=clerk)
    first, second = letter.recommendations.order_by("number")
    RecommendationAnswerFactory(recommendation=first, verdict=Verdict.ADOPTED, recorded_by=clerk)
    return letter, second


def streamed(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_every_public_view_gives_the_same_truthful_status(client, index, tracker, replied):
    letter, second = replied
    reference = letter.reference

    # The recommendation's own page and the letter's page.
    page = client.get(index.url + index.reverse_subpage("recommendation", args=[reference, 2]))
    html = page.content.decode()
    assert LABEL in html and "Wacht op reactie" not in html
    letter_html = client.get(index.url + index.reverse_subpage("letter", args=[reference]))
    assert LABEL in letter_html.content.decode()

    # The tracker: the badge, and the status filter offers and finds it.
    html = client.get(tracker.url).content.decode()
    assert f'<option value="{VALUE}">{LABEL}</option>' in html
    assert f"status-badge--{VALUE}" in html
    html = client.get(f"{tracker.url}?status={VALUE}").content.decode()
    assert "1 aanbeveling gevonden" in html
    assert f"status-badge--{VALUE}" in html and "status-badge--wacht-op-reactie" not in html
    assert "1 aanbeveling gevonden" in client.get(f"{tracker.url}?standpunt=geen").content.decode()

    # The dashboard's counts.
    dashboard = build_dashboard(tracker_url=tracker.url)
    counts = {tally.value: tally.count for tally in dashboard.statuses}
    assert counts[VALUE] == 1 and counts[PublicStatus.AWAITING_REPLY.value] == 0
    assert next(tally for tally in dashboard.statuses if tally.value == VALUE).label == LABEL

    # The feeds say the college replied, never that it is awaited.
    feed = client.get("/feeds/status/").content.decode()
    assert "Het college heeft op het advies gereageerd." in feed
    assert "Wacht op reactie" not in feed

    # The CSV and the JSON.
    rows = list(
        csv.DictReader(
            io.StringIO(streamed(client.get(f"/open-data/aanbevelingen.csv?advies={reference}"))),
            delimiter=";",
        )
    )
    assert [(row["aanbeveling"][-1], row["status"]) for row in rows] == [
        ("1", PublicStatus.VERDICT_GIVEN.value),
        ("2", VALUE),
    ]
    document = json.loads(streamed(client.get(f"/open-data/aanbevelingen.json?advies={reference}")))
    assert [r["status"] for r in document["aanbevelingen"]] == [
        PublicStatus.VERDICT_GIVEN.value,
        VALUE,
    ]
    assert VALUE in client.get("/open-data/").content.decode()  # the list of statuses

    # The API: the recommendation, the letter's counts, and its filter.
    api = client.get(f"/api/v1/aanbevelingen/{reference}/2/").json()
    assert api["status"] == VALUE and api["standpunt"] is None
    letter_counts = client.get(f"/api/v1/adviezen/{reference}/").json()
    assert letter_counts["per_status"][VALUE] == 1
    found = client.get(f"/api/v1/aanbevelingen/?status={VALUE}").json()
    assert [r["aanbeveling"] for r in found["resultaten"]] == [second.label]


def test_a_letter_without_a_reply_still_waits(index, clerk):
    letter = AdviceLetterFactory(status="verzonden", recommendations=1)
    queryset, _filter = filtered_recommendations({"advies": letter.reference})
    assert [r.public_status for r in queryset] == [PublicStatus.AWAITING_REPLY.value]


def test_the_demo_shows_seven_of_its_forty_waiting_ones_as_replied():
    call_command("load_demo", stdout=io.StringIO())
    queryset, _filter = filtered_recommendations({})
    statuses = [r.public_status for r in queryset]
    # 40 of the demo's recommendations showed "wacht op reactie"; 7 of them belong to the
    # 2019 letters, whose replies are recorded. Only the 33 of PR-2022-01 really wait.
    assert len(statuses) == 47
    assert statuses.count(VALUE) == 7
    assert statuses.count(PublicStatus.AWAITING_REPLY.value) == 33
    replied_letters = {r.letter.reference for r in queryset if r.public_status == VALUE}
    waiting = [r for r in queryset if r.public_status == PublicStatus.AWAITING_REPLY.value]
    # Only letters without a recorded reply still wait.
    assert all(not hasattr(r.letter, "college_response") for r in waiting)
    assert all(
        Recommendation.objects.filter(letter__reference=reference)
        .filter(letter__college_response__isnull=False)
        .exists()
        for reference in replied_letters
    )
