"""The meeting index: newest first, filters that combine, and no error page for bad input."""

import datetime

import pytest

from home.models import MeetingType
from tests.factories import ThemeFactory, add_meeting


@pytest.fixture
def meetings(site_tree):
    home, index = site_tree
    youth = ThemeFactory(name="Jeugd", slug="jeugd")
    basis = ThemeFactory(name="Sterke sociale basis", slug="sterke-sociale-basis")
    add_meeting(index, "Veld 2019", datetime.date(2019, 4, 23), themes=[youth, basis])
    add_meeting(
        index,
        "Ontmoet 2022",
        datetime.date(2022, 5, 9),
        themes=[basis],
        meeting_type=MeetingType.MEET_AND_GREET,
    )
    add_meeting(
        index,
        "Werksessie 2022",
        datetime.date(2022, 3, 28),
        themes=[youth],
        meeting_type=MeetingType.WORK_SESSION,
    )
    draft = add_meeting(index, "Concept verslag", datetime.date(2023, 1, 1))
    draft.unpublish()
    return index


def titles(response):
    return [meeting.title for meeting in response.context["meetings"]]


def test_newest_first_and_drafts_hidden(client, meetings):
    response = client.get(meetings.url)
    assert response.status_code == 200
    assert titles(response) == ["Ontmoet 2022", "Werksessie 2022", "Veld 2019"]
    assert "Concept verslag" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("soort=ontmoet-en-groet", ["Ontmoet 2022"]),
        ("jaar=2022", ["Ontmoet 2022", "Werksessie 2022"]),
        ("thema=jeugd", ["Werksessie 2022", "Veld 2019"]),
        ("jaar=2022&thema=jeugd", ["Werksessie 2022"]),
        ("jaar=2019&soort=werksessie", []),
    ],
)
def test_filters_combine(client, meetings, query, expected):
    response = client.get(f"{meetings.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_empty_result_says_so(client, meetings):
    response = client.get(f"{meetings.url}?jaar=2019&soort=werksessie")
    assert "Er zijn geen bijeenkomsten die bij deze filters passen." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "ignored_value"),
    [
        ("soort=feest", "feest"),
        ("jaar=abc", "abc"),
        ("jaar=1850", "1850"),
        ("jaar=99999999999999999999999", "99999999999999999999999"),
        ("thema=bestaat-niet", "bestaat-niet"),
        ("thema=%3Cscript%3E", "&lt;script&gt;"),
    ],
)
def test_unknown_filter_values_are_reported_and_ignored(client, meetings, query, ignored_value):
    response = client.get(f"{meetings.url}?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'We kennen de waarde "{ignored_value}"' in html
    assert "<script>" not in html.split("<main")[1]
    assert len(titles(response)) == 3


def test_valid_filter_still_applies_beside_an_unknown_one(client, meetings):
    response = client.get(f"{meetings.url}?jaar=2022&soort=feest")
    assert titles(response) == ["Ontmoet 2022", "Werksessie 2022"]


@pytest.mark.parametrize("page_number", ["x", "-1", "0", "999", "1.5", ""])
def test_bad_page_numbers_never_fail(client, meetings, page_number):
    response = client.get(f"{meetings.url}?pagina={page_number}")
    assert response.status_code == 200
    assert titles(response)


def test_pagination_keeps_the_filters(client, site_tree):
    home, index = site_tree
    for day in range(1, 26):
        add_meeting(index, f"Tafel {day}", datetime.date(2021, 1, day))
    add_meeting(index, "Ander jaar", datetime.date(2020, 1, 1))
    response = client.get(f"{index.url}?jaar=2021")
    html = response.content.decode()
    assert response.context["paginator"].count == 25
    assert 'href="?jaar=2021&amp;pagina=2"' in html
    assert "Pagina 1 van 3" in html
    response = client.get(f"{index.url}?jaar=2021&pagina=3")
    assert titles(response) == ["Tafel 5", "Tafel 4", "Tafel 3", "Tafel 2", "Tafel 1"]
    assert 'aria-current="page"' in response.content.decode()


def test_theme_filter_shows_the_theme(client, meetings):
    response = client.get(f"{meetings.url}?thema=sterke-sociale-basis")
    html = response.content.decode()
    assert "Bijeenkomsten: Sterke sociale basis" in html
    assert titles(response) == ["Ontmoet 2022", "Veld 2019"]


def test_meeting_page_links_its_themes_to_the_filtered_index(client, meetings):
    meeting = meetings.get_children().get(title="Veld 2019")
    html = client.get(meeting.url).content.decode()
    assert f'href="{meetings.url}?thema=jeugd"' in html
