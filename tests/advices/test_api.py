"""The read-only JSON API at /api/v1/: letters, recommendations, replies."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from advices.lifecycle.statuses import PublicStatus
from advices.models import (
    Assessment,
    CouncilAssessment,
    Erratum,
    Recommendation,
)
from advices.queries.tracker import filtered_recommendations
from tests.advices.tracker_data import EXPECTED, TODAY, build_many, build_tracker_data

API = "/api/v1"


@pytest.fixture(autouse=True)
def on_today():
    with time_machine.travel(datetime.datetime(2024, 1, 10, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def data(index):
    return build_tracker_data()


def get(client, path, status=200):
    response = client.get(API + path)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


# -- letters ---------------------------------------------------------------------------------


def test_letter_list_has_only_public_letters_newest_first_with_counts(client, data):
    body = get(client, "/adviezen/")
    assert body["aantal"] == 3 and body["aantal_paginas"] == 1
    assert body["vorige"] is None and body["volgende"] is None
    assert [letter["kenmerk"] for letter in body["resultaten"]] == [
        "PR-2023-02",
        "PR-2022-07",
        "PR-2021-01",
    ]
    letters = {letter["kenmerk"]: letter for letter in body["resultaten"]}
    first = letters["PR-2021-01"]
    assert first["aantal_aanbevelingen"] == 4
    assert first["per_status"] == {
        "wacht-op-reactie": 0,
        "reactie-zonder-standpunt": 0,
        "standpunt-gegeven": 1,
        "in-uitvoering": 1,
        "uitgevoerd": 1,
        "niet-uitgevoerd": 1,
    }
    assert first["per_standpunt"]["overgenomen"] == 2
    assert first["per_standpunt"]["deels-overgenomen"] == 1
    assert first["per_standpunt"]["niet-overgenomen"] == 1
    assert first["themas"] == [{"slug": "jeugd", "naam": "Jeugd"}]
    assert first["status"] == "beantwoord" and first["datum"] == "2021-03-01"
    assert first["url"].endswith("/adviezen/PR-2021-01/")
    assert first["api_url"] == "http://testserver/api/v1/adviezen/PR-2021-01/"
    # Altogether, the counts are those of the tracker's known set.
    totals = {status: 0 for status in PublicStatus.values}
    for letter in body["resultaten"]:
        for status, count in letter["per_status"].items():
            totals[status] += count
    assert totals == EXPECTED["statuses"]
    # The 2023 letter was sent on 1 September 2023 and has no reply after six weeks.
    assert letters["PR-2023-02"]["reactie_te_laat"] is True
    assert letters["PR-2023-02"]["reactie_ontvangen_op"] is None


def test_letter_list_pages(client, data):
    body = get(client, "/adviezen/?per_pagina=2")
    assert body["aantal"] == 3 and body["aantal_paginas"] == 2 and body["per_pagina"] == 2
    assert len(body["resultaten"]) == 2
    assert body["volgende"] == "http://testserver/api/v1/adviezen/?per_pagina=2&pagina=2"
    second = client.get(body["volgende"]).json()
    assert [letter["kenmerk"] for letter in second["resultaten"]] == ["PR-2021-01"]
    assert second["volgende"] is None
    assert second["vorige"] == "http://testserver/api/v1/adviezen/?per_pagina=2&pagina=1"


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("pagina=0", "pagina"),
        ("pagina=abc", "pagina"),
        ("pagina=-1", "pagina"),
        ("per_pagina=0", "per_pagina"),
        ("per_pagina=101", "per_pagina"),
        ("per_pagina=veel", "per_pagina"),
    ],
)
def test_bad_paging_is_a_400_in_json(client, data, query, parameter):
    for path in ["/adviezen/", "/aanbevelingen/"]:
        body = get(client, f"{path}?{query}", status=400)
        assert body["fout"] == "De vraag klopt niet."
        assert [detail["parameter"] for detail in body["details"]] == [parameter]
        assert "Geef een heel getal" in body["details"][0]["melding"]


def test_a_page_past_the_last_is_a_404_in_json(client, data):
    body = get(client, "/adviezen/?pagina=2", status=404)
    assert body["fout"] == "Pagina 2 bestaat niet. Er zijn 1 pagina's."
    get(client, "/aanbevelingen/?pagina=99", status=404)


def test_letter_detail_with_recommendations_and_reply(client, data, index):
    letter = data["letters"]["2021"]
    Erratum.objects.create(letter=letter, date=datetime.date(2021, 4, 1), text="Lees 2020.")
    body = get(client, "/adviezen/PR-2021-01/")
    assert body["kenmerk"] == "PR-2021-01" and body["onderwerp"] == "Armoede en schulden"
    assert body["inleiding"] == "<p>Inleiding.</p>"
    assert body["reactie"]["tekst"] == "Reactie 2021"
    assert body["reactie"]["pdf_url"] is None
    assert body["errata"] == [{"datum": "2021-04-01", "tekst": "Lees 2020."}]
    assert body["pdf_url"] is None  # no PDF stored for this letter
    recommendations = body["aanbevelingen"]
    assert [r["aanbeveling"] for r in recommendations] == [f"2021-01 / {n}" for n in range(1, 5)]
    assert [r["status"] for r in recommendations] == [
        "uitgevoerd",
        "in-uitvoering",
        "standpunt-gegeven",
        "niet-uitgevoerd",
    ]
    assert [r["standpunt"] for r in recommendations] == [
        "overgenomen",
        "deels-overgenomen",
        "niet-overgenomen",
        "overgenomen",
    ]
    assert recommendations[1]["te_laat"] is True
    assert recommendations[1]["toezeggingen"][0]["beschrijving"] == "Alle brieven herschreven"
    assert recommendations[1]["api_url"] == "http://testserver/api/v1/aanbevelingen/PR-2021-01/2/"
    assert recommendations[1]["url"] == "http://testserver" + index.url + index.reverse_subpage(
        "recommendation", args=["PR-2021-01", 2]
    )
    assert body["per_status"]["uitgevoerd"] == 1 and body["aantal_aanbevelingen"] == 4


def test_letter_without_reply(client, data):
    body = get(client, "/adviezen/PR-2023-02/")
    assert body["reactie"] is None
    assert body["reactie_te_laat"] is True
    assert body["reactie_verwacht_uiterlijk"] == "2023-10-13"
    assert {r["status"] for r in body["aanbevelingen"]} == {"wacht-op-reactie"}


@pytest.mark.parametrize("reference", ["PR-2023-03", "PR-2019-04", "PR-1999-99"])
def test_drafts_and_unknown_letters_are_404_in_json(client, data, reference):
    body = get(client, f"/adviezen/{reference}/", status=404)
    assert reference in body["fout"]
    get(client, f"/aanbevelingen/{reference}/1/", status=404)


# -- recommendations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "status=in-uitvoering",
        "standpunt=overgenomen&jaar=2021",
        "thema=ouderen&sortering=oudste",
        "te-laat=ja",
        "q=respijt",
        "advies=PR-2022-07&sortering=status",
    ],
)
def test_recommendation_list_uses_the_tracker_filters(client, data, query):
    body = get(client, f"/aanbevelingen/?{query}")
    queryset, _filter = filtered_recommendations(QueryDict(query), today=TODAY)
    expected = [r.label for r in queryset]
    assert [r["aanbeveling"] for r in body["resultaten"]] == expected
    assert body["aantal"] == len(expected)


def test_recommendation_list_reports_ignored_filters_and_keeps_them_across_pages(client, data):
    body = get(client, "/aanbevelingen/?status=onzin&jaar=2021&per_pagina=3")
    assert body["filters"] == {"jaar": "2021"}
    assert body["genegeerde_filters"] == [{"parameter": "status", "waarde": "onzin"}]
    assert body["aantal"] == 4 and body["aantal_paginas"] == 2
    second = client.get(body["volgende"]).json()
    assert [r["aanbeveling"] for r in second["resultaten"]] == ["2021-01 / 4"]
    assert second["filters"] == {"jaar": "2021"}


def test_recommendation_detail(client, data):
    recommendation = Recommendation.objects.get(letter=data["letters"]["2021"], number=2)
    CouncilAssessment.objects.create(
        recommendation=recommendation, assessment=Assessment.PARTLY_SATISFIED, note="Te traag."
    )
    body = get(client, "/aanbevelingen/PR-2021-01/2/")
    assert body["aanbeveling"] == "2021-01 / 2" and body["nummer"] == 2
    assert body["standpunt"] == "deels-overgenomen" and body["status"] == "in-uitvoering"
    assert body["voortgang"] == [
        {
            "datum": "2021-09-01",
            "stand": "in-uitvoering",
            "toelichting": "Stand van zaken.",
            "toezegging": None,
        }
    ]
    assert body["oordeel_raad"] == {"oordeel": "deels-tevreden", "toelichting": "Te traag."}
    assert body["advies_api_url"] == "http://testserver/api/v1/adviezen/PR-2021-01/"


def test_recommendation_detail_errors(client, data):
    get(client, "/aanbevelingen/PR-2021-01/9/", status=404)
    body = get(client, "/aanbevelingen/PR-2021-01/twee/", status=400)
    assert body["details"][0]["parameter"] == "nummer"


def test_other_addresses_under_the_api_are_404_in_json(client, data):
    body = get(client, "/bestaat-niet/", status=404)
    assert "/api/v1/docs" in body["fout"]


def test_openapi_description_and_docs(client, data):
    schema = client.get(API + "/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/v1/adviezen/",
        "/api/v1/adviezen/{kenmerk}/",
        "/api/v1/aanbevelingen/",
        "/api/v1/aanbevelingen/{kenmerk}/{nummer}/",
        "/api/v1/adviesaanvragen/",
        "/api/v1/adviesaanvragen/{nummer}/",
    }
    parameters = {p["name"] for p in schema["paths"]["/api/v1/aanbevelingen/"]["get"]["parameters"]}
    assert {"pagina", "per_pagina", "status", "standpunt", "thema", "te-laat", "q"} <= parameters
    assert client.get(API + "/docs").status_code == 200


def test_only_reading(client, data):
    assert client.post(API + "/adviezen/").status_code == 405


# -- a constant number of queries ------------------------------------------------------------


def count_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(API + path)
    assert response.status_code == 200, response.content
    return len(captured)


PATHS = ["/adviezen/", "/aanbevelingen/?per_pagina=100", "/aanbevelingen/?te-laat=ja"]


def test_query_counts_do_not_grow_with_the_data(client, index):
    build_many(2, 5, start_year=2001)
    client.get(API + "/adviezen/")  # the first request caches the site and its settings
    small = [count_queries(client, path) for path in PATHS]
    small_detail = count_queries(client, "/adviezen/PR-2001-01x0/")

    build_many(100, 50, start_year=2010)
    assert [count_queries(client, path) for path in PATHS] == small
    # A letter of 50 recommendations costs what a letter of 5 costs.
    assert count_queries(client, "/adviezen/PR-2010-01x0/") == small_detail
