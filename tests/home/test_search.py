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


def test_accents_and_case_do_not_matter_in_pages(client, site_tree):
    home, index = site_tree
    add_meeting(
        index,
        "Ontmoeting in het Buurtcafé",
        body=[("paragraph", "<p>De SWT en de ideeën van inwoners.</p>")],
    )
    for query in ["buurtcafe", "BUURTCAFÉ", "swt", "ideeen", "IDEEËN"]:
        assert result_titles(client.get("/zoeken/", {"q": query})) == [
            "Ontmoeting in het Buurtcafé"
        ], query


def test_a_draft_change_of_a_live_page_and_a_private_page_are_not_found(client, site_tree):
    from wagtail.models import PageViewRestriction

    home, index = site_tree
    live = add_standard_page(home, "Openbaar", intro="Iedereen mag dit lezen.")
    live.intro = "Nog geheime plannen."
    live.save_revision()  # a draft: the live page still says what it said
    private = add_standard_page(home, "Alleen leden", intro="Geheime plannen van de leden.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert result_titles(client.get("/zoeken/", {"q": "geheime"})) == []
    assert result_titles(client.get("/zoeken/", {"q": "iedereen"})) == ["Openbaar"]


def test_meeting_reports_and_pages_are_separate_kinds(client, searchable):
    response = client.get("/zoeken/", {"q": "wederkerigheid", "soort": "paginas"})
    assert result_titles(response) == []
    response = client.get("/zoeken/", {"q": "wederkerigheid", "soort": "verslagen"})
    assert result_titles(response) == ["Samenspel in het sociaal domein"]
    assert "in verslagen" in response.content.decode()


def test_too_many_words_are_cut_with_a_notice(client, searchable):
    response = client.get("/zoeken/", {"q": "een twee drie vier vijf zes zeven acht negen"})
    assert "We zochten op de eerste 8 woorden" in response.content.decode()


def test_title_hits_come_first_then_the_newest(client, site_tree):
    home, index = site_tree
    add_meeting(index, "Werksessie", datetime.date(2023, 1, 10), summary="Over mantelzorg.")
    add_meeting(index, "Mantelzorg in de wijk", datetime.date(2019, 1, 10), summary="Gesprek.")
    add_meeting(index, "Gesprekstafel", datetime.date(2024, 1, 10), summary="Ook mantelzorg.")
    assert result_titles(client.get("/zoeken/", {"q": "mantelzorg"})) == [
        "Mantelzorg in de wijk",
        "Gesprekstafel",
        "Werksessie",
    ]
