"""RSS and Atom feeds: new advice, and status changes (all, or per theme)."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from advices.models import FollowUpState, LetterStatus, Verdict
from tests.advices.story import (
    at,
    follow_up,
    reply,
    send_letter,
    set_verdict,
)
from tests.factories import ThemeFactory, make_letter

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def themes(db):
    return {
        "jeugd": ThemeFactory(name="Jeugd", slug="jeugd"),
        "basis": ThemeFactory(name="Sterke sociale basis", slug="sterke-sociale-basis"),
    }


@pytest.fixture
def world(people, themes):
    """Two sent letters in different themes, with progress; and drafts that must stay out."""
    clerk = people["clerk"]
    youth = send_letter(
        people, "PR-2022-03", recommendations=2, themes=[themes["jeugd"]], moment=(2022, 3, 1, 9)
    )
    basis = send_letter(
        people, "PR-2022-07", recommendations=1, themes=[themes["basis"]], moment=(2022, 6, 17, 9)
    )
    response = reply(youth, clerk, (2022, 4, 1, 9))
    first = youth.recommendations.get(number=1)
    set_verdict(response, first, Verdict.ADOPTED, clerk, (2022, 4, 2, 9))
    follow_up(first, FollowUpState.IN_PROGRESS, datetime.date(2022, 5, 1), clerk)
    with at(2023, 1, 1, 9):
        make_letter(recommendations=1, reference="PR-2023-01", subject="Geheim concept")
        make_letter(
            recommendations=1,
            reference="PR-2023-02",
            subject="Geheim vastgesteld",
            status=LetterStatus.ADOPTED,
            user=people["secretary"],
        )
    return youth, basis


def parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)


def rss_items(client, url):
    root = parse(client.get(url))
    assert root.tag == "rss"
    return [{child.tag: (child.text or "") for child in item} for item in root.iter("item")]


def test_new_advice_feed_lists_sent_letters_newest_first(client, index, world):
    response = client.get("/feeds/adviezen/")
    assert response["Content-Type"].startswith("application/rss+xml")
    items = rss_items(client, "/feeds/adviezen/")
    assert [item["title"] for item in items] == [
        "PR-2022-07 Sterke sociale basis",
        "PR-2022-03 Sterke sociale basis",
    ]
    first = items[0]
    assert first["link"] == "http://testserver/adviezen/PR-2022-07/"
    assert first["description"] == "Op 9 mei 2022 organiseerde de raad een ontmoeting."
    assert "<" not in first["description"]
    assert first["pubDate"] == "Fri, 17 Jun 2022 09:00:00 +0000"
    assert first["category"] == "Sterke sociale basis"
    assert "Geheim" not in client.get("/feeds/adviezen/").content.decode()


def test_new_advice_atom_feed(client, index, world):
    root = parse(client.get("/feeds/atom/adviezen/"))
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [
        "PR-2022-07 Sterke sociale basis",
        "PR-2022-03 Sterke sociale basis",
    ]
    assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver/adviezen/PR-2022-07/"


def test_status_feed_has_verdicts_follow_ups_and_letter_steps_newest_first(client, index, world):
    items = rss_items(client, "/feeds/status/")
    assert [item["title"] for item in items] == [
        "Aanbeveling 2022-03 / 1: Voortgang: In uitvoering.",
        "Aanbeveling 2022-03 / 1: Het college geeft als standpunt: Overgenomen.",
        "Advies PR-2022-03: Het college heeft op het advies gereageerd.",
    ]
    assert items[0]["link"] == "http://testserver/adviezen/PR-2022-03/aanbeveling/1/"
    assert items[2]["link"] == "http://testserver/adviezen/PR-2022-03/"
    assert "Bericht van 01-05-2022." in items[0]["description"]
    assert len({item["guid"] for item in items}) == 3
    # A role, never a person.
    body = client.get("/feeds/status/").content.decode()
    assert "Gemeente" in body
    for name in ("Gerda", "Gemeentema", "gerda", "Sem", "Secretarisma"):
        assert name not in body
    assert "Geheim" not in body


def test_status_feed_per_theme_has_only_that_theme(client, index, world, people):
    youth, basis = world
    clerk = people["clerk"]
    response = reply(basis, clerk, (2022, 7, 20, 9))
    set_verdict(response, basis.recommendations.get(), Verdict.NOT_ADOPTED, clerk, (2022, 7, 21))
    basis_items = rss_items(client, "/feeds/status/sterke-sociale-basis/")
    assert [item["title"] for item in basis_items] == [
        "Aanbeveling 2022-07 / 1: Het college geeft als standpunt: Niet overgenomen.",
        "Advies PR-2022-07: Het college heeft op het advies gereageerd.",
    ]
    youth_titles = [item["title"] for item in rss_items(client, "/feeds/status/jeugd/")]
    assert len(youth_titles) == 3
    assert all("2022-03" in title for title in youth_titles)
    assert len(rss_items(client, "/feeds/status/")) == 5

    root = parse(client.get("/feeds/atom/status/jeugd/"))
    assert len(root.findall(f"{ATOM}entry")) == 3
    assert "Jeugd" in root.find(f"{ATOM}title").text


def test_unknown_theme_is_404(client, index, world):
    assert client.get("/feeds/status/bestaat-niet/").status_code == 404
    assert client.get("/feeds/atom/status/bestaat-niet/").status_code == 404


def test_feeds_work_without_data_or_an_advice_index(client, db):
    assert rss_items(client, "/feeds/adviezen/") == []
    assert rss_items(client, "/feeds/status/") == []


def test_pages_point_to_the_feeds(client, index, world):
    html = client.get(index.url).content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/feeds/adviezen/"' in html
    assert 'href="/feeds/status/"' in html


def test_feeds_keep_a_constant_number_of_queries(client, index, world, people, themes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure():
        counts = []
        for url in ("/feeds/adviezen/", "/feeds/status/", "/feeds/status/jeugd/"):
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    before = measure()
    clerk = people["clerk"]
    for number in range(4):
        letter = send_letter(
            people, f"PR-2021-1{number}", recommendations=3, themes=list(themes.values())
        )
        response = reply(letter, clerk, (2021, 9, 1 + number, 9))
        for recommendation in letter.recommendations.all():
            set_verdict(response, recommendation, Verdict.ADOPTED, clerk, (2021, 9, 10, 9))
            follow_up(recommendation, FollowUpState.DONE, datetime.date(2021, 10, 1), clerk)
    assert len(rss_items(client, "/feeds/status/")) > 20
    assert measure() == before
