"""Open data: the CSV and JSON of the recommendations, and the page that documents them."""

import csv
import datetime
import io
import json

import pytest
import time_machine
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from advices.actions.college import redate_commitment
from advices.lifecycle.statuses import PublicStatus
from advices.models import DuePrecision, LetterStatus, Recommendation, Verdict
from advices.pages import RecommendationIndexPage
from advices.queries import open_data
from advices.queries.tracker import filtered_recommendations
from tests.advices.tracker_data import TODAY, build_many, build_tracker_data, letter_with

CSV_URL = "/open-data/aanbevelingen.csv"
JSON_URL = "/open-data/aanbevelingen.json"

FILTER_COMBINATIONS = [
    "",
    "status=in-uitvoering",
    "standpunt=overgenomen&jaar=2021",
    "thema=ouderen",
    "thema=jeugd&status=wacht-op-reactie",
    "te-laat=ja",
    "q=respijt",
    "q=brieven+eenvoudige",
    "advies=PR-2022-07&sortering=status",
    "sortering=oudste",
    "jaar=2023&standpunt=overgenomen",  # nothing matches
]


@pytest.fixture(autouse=True)
def on_today():
    with time_machine.travel(datetime.datetime(2024, 1, 10, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def data(index):
    return build_tracker_data()


def streamed(response):
    assert response.status_code == 200
    assert response.streaming, "large exports are streamed"
    return b"".join(response.streaming_content)


def get_csv(client, query=""):
    response = client.get(f"{CSV_URL}?{query}")
    body = streamed(response)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    return response, body, rows


def get_json(client, query=""):
    response = client.get(f"{JSON_URL}?{query}")
    return response, json.loads(streamed(response).decode("utf-8"))


def tracker_labels(query):
    queryset, _filter = filtered_recommendations(QueryDict(query), today=TODAY)
    return [r.label for r in queryset]


# -- the files match the tracker ----------------------------------------------------------


@pytest.mark.parametrize("query", FILTER_COMBINATIONS)
def test_csv_lists_exactly_what_the_tracker_lists(client, data, query):
    _response, _body, rows = get_csv(client, query)
    header, *records = rows
    assert header == open_data.COLUMN_NAMES
    assert [row[0] for row in records] == tracker_labels(query)


@pytest.mark.parametrize("query", FILTER_COMBINATIONS)
def test_json_lists_exactly_what_the_tracker_lists(client, data, query):
    _response, document = get_json(client, query)
    labels = [row["aanbeveling"] for row in document["aanbevelingen"]]
    assert labels == tracker_labels(query)
    assert document["aantal"] == len(labels)
    assert list(document) == [
        "gegenereerd_op",
        "filters",
        "genegeerde_filters",
        "aantal",
        "aanbevelingen",
    ]
    assert all(list(row) == open_data.COLUMN_NAMES for row in document["aanbevelingen"])


def test_csv_file_format(client, data):
    response, body, rows = get_csv(client)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="aanbevelingen-2024-01-10.csv"'
    assert response["Access-Control-Allow-Origin"] == "*"
    # A byte order mark, so Excel reads UTF-8; ';' between the columns for Dutch Excel.
    assert body.startswith(b"\xef\xbb\xbf")
    assert body.decode("utf-8-sig").splitlines()[0] == ";".join(open_data.COLUMN_NAMES)
    assert all(len(row) == len(open_data.COLUMN_NAMES) for row in rows)


def test_json_document(client, data):
    response, document = get_json(client, "standpunt=overgenomen")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "aanbevelingen-2024-01-10.json" in response["Content-Disposition"]
    assert document["gegenereerd_op"] == "2024-01-10T13:00:00+01:00"
    assert document["filters"] == {"standpunt": "overgenomen"}
    assert document["genegeerde_filters"] == []
    assert document["aantal"] == 3


def test_every_column_of_one_recommendation(client, data, index, people):
    late = data["late commitment"]
    redate_commitment(
        late, datetime.date(2021, 12, 31), DuePrecision.QUARTER, "Meer tijd nodig.", people["clerk"]
    )
    late.refresh_from_db()
    # redate keeps the first date; give it an earlier original to see both dates.
    type(late).objects.filter(pk=late.pk).update(original_due_date=datetime.date(2021, 9, 30))
    letter = data["letters"]["2021"]
    # On the address the request came in on (the test client's), not the Site's.
    url = (
        "http://testserver"
        + index.url
        + index.reverse_subpage("recommendation", args=[letter.reference, 2])
    )

    _response, _body, rows = get_csv(client, "advies=PR-2021-01")
    row = dict(zip(rows[0], rows[2], strict=True))
    assert row == {
        "aanbeveling": "2021-01 / 2",
        "kenmerk": "PR-2021-01",
        "adviesdatum": "2021-03-01",
        "onderwerp": "Armoede en schulden",
        "kop": "Schulden",
        "advies": "Schrijf brieven in eenvoudige taal.",
        "toelichting": "Brieven zijn moeilijk.",
        "status": PublicStatus.IN_PROGRESS.value,
        "standpunt": Verdict.PARTLY_ADOPTED.value,
        "antwoord_college": "Antwoord op 2.",
        "reactie_ontvangen_op": letter.college_response.received_on.isoformat(),
        "te_laat": "ja",
        "reactie_te_laat": "nee",
        "toezeggingen": "Alle brieven herschreven; Team sociaal domein; "
        "uiterlijk 2021-12-31 (vierde kwartaal 2021); oorspronkelijk 2021-09-30",
        "url": url,
        # issue 13, decisions: no decision after this advice
        "besluit_datum": "",
        "besluit_door": "",
        "besluit_volgt_advies": "",
    }

    _response, document = get_json(client, "advies=PR-2021-01")
    record = document["aanbevelingen"][1]
    assert record == {
        **row,
        "besluit_datum": None,
        "besluit_door": None,
        "besluit_volgt_advies": None,
        "te_laat": True,
        "reactie_te_laat": False,
        "toezeggingen": [
            {
                "beschrijving": "Alle brieven herschreven",
                "verantwoordelijk": "Team sociaal domein",
                "uiterlijk": "2021-12-31",
                "uiterlijk_precisie": "kwartaal",
                "uiterlijk_tekst": "vierde kwartaal 2021",
                "oorspronkelijk": "2021-09-30",
                "reden_nieuwe_datum": "Meer tijd nodig.",
                "te_laat": True,
            }
        ],
    }
    # No verdict, no reply yet: empty in the CSV, null in the JSON.
    waiting = next(r for r in document["aanbevelingen"] if r["kenmerk"] == "PR-2021-01")
    assert waiting["aanbeveling"] == "2021-01 / 1"
    _response, pending = get_json(client, "advies=PR-2023-02")
    first = pending["aanbevelingen"][0]
    assert first["standpunt"] is None and first["reactie_ontvangen_op"] is None
    assert first["antwoord_college"] == "" and first["toezeggingen"] == []
    assert first["te_laat"] is False and first["status"] == PublicStatus.AWAITING_REPLY.value
    # sent 1 September 2023 and never answered: its reply is late (today as on TODAY)
    assert first["reactie_te_laat"] is True
    _response, _body, rows = get_csv(client, "advies=PR-2023-02")
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["standpunt"] == cells["reactie_ontvangen_op"] == cells["toezeggingen"] == ""
    assert cells["te_laat"] == "nee" and cells["reactie_te_laat"] == "ja"


def test_a_finished_commitment_is_not_late(client, data):
    _response, document = get_json(client, "advies=PR-2022-07")
    first = document["aanbevelingen"][0]
    assert [c["beschrijving"] for c in first["toezeggingen"]] == ["Onderzoek naar openingstijden"]
    assert first["toezeggingen"][0]["te_laat"] is False
    assert first["toezeggingen"][0]["oorspronkelijk"] is None
    assert first["te_laat"] is False


def test_drafts_are_never_exported(client, data):
    for query in [
        "",
        "advies=PR-2023-03",
        "advies=PR-2019-04",
        "q=geheime",
        "thema=alleen-concept",
    ]:
        _response, body, _rows = get_csv(client, query)
        _response, document = get_json(client, query)
        # (The JSON repeats the query in "filters" or "genegeerde_filters": look at the rows.)
        assert document["aanbevelingen"] or query
        for text in [body.decode("utf-8-sig"), json.dumps(document["aanbevelingen"])]:
            assert "PR-2023-03" not in text and "geheime" not in text
            assert "PR-2019-04" not in text and "vastgestelde advies" not in text


def test_bad_filter_values_are_ignored_and_reported(client, data):
    query = "status=onzin&jaar=abc&standpunt=overgenomen&thema=bestaat-niet&sortering=x"
    _response, document = get_json(client, query)
    assert document["filters"] == {"standpunt": "overgenomen"}
    assert sorted(document["genegeerde_filters"], key=lambda f: f["parameter"]) == [
        {"parameter": "jaar", "waarde": "abc"},
        {"parameter": "sortering", "waarde": "x"},
        {"parameter": "status", "waarde": "onzin"},
        {"parameter": "thema", "waarde": "bestaat-niet"},
    ]
    labels = [row["aanbeveling"] for row in document["aanbevelingen"]]
    assert labels == tracker_labels("standpunt=overgenomen")
    response, _body, rows = get_csv(client, query)
    assert [row[0] for row in rows[1:]] == labels


FORMULA = '=HYPERLINK("http://example.org","klik")'
AWKWARD = 'Eén; twee, "drie"\nvier – geëvalueerd'


@pytest.fixture
def awkward_letter(index):
    return letter_with(
        "PR-2023-09",
        datetime.date(2023, 10, 1),
        "Lastige tekens",
        [("- Respijt", "@SUM(1)", FORMULA), ("Gewoon", "+31 6", AWKWARD)],
        LetterStatus.SENT,
    )


def test_csv_cells_never_start_a_formula_but_json_keeps_the_text(client, awkward_letter):
    _response, _body, rows = get_csv(client, "advies=PR-2023-09")
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["advies"] == "'" + FORMULA
    assert cells["kop"] == "'- Respijt" and cells["toelichting"] == "'@SUM(1)"
    _response, document = get_json(client, "advies=PR-2023-09")
    first = document["aanbevelingen"][0]
    assert (first["advies"], first["kop"], first["toelichting"]) == (
        FORMULA,
        "- Respijt",
        "@SUM(1)",
    )


def test_texts_with_separators_quotes_and_newlines_survive(client, awkward_letter):
    _response, _body, rows = get_csv(client, "advies=PR-2023-09")
    assert dict(zip(rows[0], rows[2], strict=True))["advies"] == AWKWARD
    _response, document = get_json(client, "advies=PR-2023-09")
    assert document["aanbevelingen"][1]["advies"] == AWKWARD


def test_without_an_advice_index_the_url_is_empty(client, site_tree):
    build_tracker_data()
    _response, _body, rows = get_csv(client)
    assert {row[-1] for row in rows[1:]} == {""}
    _response, document = get_json(client)
    assert {row["url"] for row in document["aanbevelingen"]} == {None}


# -- a constant number of queries --------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        streamed(response)
    return len(captured)


def test_query_count_is_the_same_for_5_and_5000_rows(client, index):
    build_many(1, 5, start_year=2001)
    client.get("/open-data/")  # the site's root paths are cached from the first request on
    small = {url: count_queries(client, url) for url in (CSV_URL, JSON_URL)}
    small_filtered = count_queries(client, CSV_URL + "?status=uitgevoerd&q=advies")

    build_many(100, 50, start_year=2010)
    assert Recommendation.objects.count() == 5005
    large = {url: count_queries(client, url) for url in (CSV_URL, JSON_URL)}
    assert large == small, (small, large)
    assert count_queries(client, CSV_URL + "?status=uitgevoerd&q=advies") == small_filtered
    _response, body, rows = get_csv(client)
    assert len(rows) == 5006
    _response, document = get_json(client)
    assert document["aantal"] == len(document["aanbevelingen"]) == 5005


# -- the page ------------------------------------------------------------------------------


def test_open_data_page_documents_every_column_and_value(client, data):
    response = client.get("/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    for column in open_data.COLUMNS + open_data.COMMITMENT_FIELDS:
        assert f'<code class="utrecht-code">{column.name}</code>' in html, column.name
    for status in PublicStatus:
        assert f'<code class="utrecht-code">{status.value}</code>' in html
    for verdict in Verdict:
        assert f'<code class="utrecht-code">{verdict.value}</code>' in html
    for parameter in ["status", "standpunt", "thema", "jaar", "advies", "te-laat=ja", "q"]:
        assert f'<code class="utrecht-code">{parameter}</code>' in html
    # The themes and years of public letters, never those only drafts use.
    assert '<code class="utrecht-code">jeugd</code>' in html
    assert "alleen-concept" not in html
    assert "CC0 1.0" in html and "creativecommons.org/publicdomain/zero/1.0" in html
    for link in [CSV_URL, JSON_URL, "/api/v1/adviezen/", "/api/v1/aanbevelingen/", "/api/v1/docs"]:
        assert f'href="{link}' in html, link
    assert 'aria-current="page">Open data<' in html


def test_open_data_page_without_any_letter(client, site_tree):
    response = client.get("/open-data/")
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


def test_only_get_and_head(client, data):
    for url in ["/open-data/", CSV_URL, JSON_URL]:
        assert client.post(url).status_code == 405
        assert client.head(url).status_code == 200


def test_open_data_page_links_to_the_tracker_when_there_is_one(client, data, site_tree):
    assert ">overzicht van de aanbevelingen</a>" not in client.get("/open-data/").content.decode()
    home, _meetings = site_tree
    tracker = home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )
    html = client.get("/open-data/").content.decode()
    assert f'href="{tracker.url}">overzicht van de aanbevelingen</a>' in html
