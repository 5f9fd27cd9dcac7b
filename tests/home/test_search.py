"""Site search over meetings and pages with Wagtail's database backend."""

import datetime

import pytest

from tests.factories import add_meeting, add_standard_page


@pytest.fixture
def searchable(site_tree):
    home, index = site_tree
    add_meeting(
        index,
        "Samenspel in het sociaal domein",
        datetime.date(2019, 4, 23),
        summary="Ruim tachtig deelnemers spraken over wederkerigheid.",
        body=[("paragraph", "<p>Bruggebouwers slaan een brug naar kwetsbare ouderen.</p>")],
    )
    add_meeting(index, "Ontmoet en groet", datetime.date(2022, 5, 9), summary="Sociale basis.")
    add_standard_page(home, "Privacy", intro="Wij bewaren geen volgcookies.")
    hidden = add_meeting(index, "Geheim concept", summary="Wederkerigheid in concept.")
    hidden.unpublish()
    return home


def result_titles(response):
    return [result.title for result in response.context["page_obj"]]


def test_finds_meeting_by_summary_and_by_body(client, searchable):
    assert result_titles(client.get("/zoeken/", {"q": "wederkerigheid"})) == [
        "Samenspel in het sociaal domein"
    ]
    assert result_titles(client.get("/zoeken/", {"q": "bruggebouwers"})) == [
        "Samenspel in het sociaal domein"
    ]


def test_finds_standard_pages(client, searchable):
    response = client.get("/zoeken/", {"q": "volgcookies"})
    assert result_titles(response) == ["Privacy"]
    assert "1 resultaat voor" in response.content.decode()


def test_unpublished_pages_are_never_found(client, searchable):
    response = client.get("/zoeken/", {"q": "geheim"})
    assert result_titles(response) == []
    assert "Niets gevonden" in response.content.decode()


def test_empty_query_shows_the_form_only(client, searchable):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "\"'<>&;--"},
        {"q": "AND OR NOT"},
        {"q": "sociaal", "pagina": "abc"},
        {"q": "sociaal", "pagina": "-3"},
        {"q": "*"},
    ],
)
def test_odd_queries_never_fail(client, searchable, params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200


def test_overlong_query_is_cut_with_a_notice(client, searchable):
    response = client.get("/zoeken/", {"q": "sociaal " * 100})
    assert "We zochten op de eerste 200 tekens" in response.content.decode()
