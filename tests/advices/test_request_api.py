"""The API's requests for advice (issue 13): the list (paginated, filtered, the same fields as
the files, never the contact), one request with its documents, errors in Dutch JSON, and a
fixed number of queries for 5 and 500 requests."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.pages.request_index import AdviceRequestIndexPage
from advices.queries import request_data
from tests.advices.request_world import NOW, SECRET_EMAIL, add_many_requests, build_request_world

pytestmark = pytest.mark.django_db

API = "/api/v1/adviesaanvragen/"
PAGE = "http://testserver/adviesaanvragen/"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def world(site_tree):
    home, _meetings = site_tree
    home.add_child(instance=AdviceRequestIndexPage(title="Adviesaanvragen", slug="adviesaanvragen"))
    return build_request_world()


def get(client, path="", status=200):
    response = client.get(API + path)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert SECRET_EMAIL not in response.content.decode()
    return response.json()


def test_the_list_has_the_fields_of_the_files_and_pages(client, world):
    body = get(client, "?per_pagina=2")
    assert (body["aantal"], body["pagina"], body["per_pagina"], body["aantal_paginas"]) == (
        6,
        1,
        2,
        3,
    )
    assert body["vorige"] is None
    assert body["volgende"] == "http://testserver" + API + "?per_pagina=2&pagina=2"
    assert [r["nummer"] for r in body["resultaten"]] == ["AV-2024-01", "AV-2023-03"]
    first = body["resultaten"][0]
    assert list(first) == [*request_data.REQUEST_COLUMN_NAMES, "api_url"]
    assert first["api_url"] == "http://testserver" + API + "AV-2024-01/"
    assert first["url"] == PAGE + "AV-2024-01/"
    last = get(client, "?per_pagina=2&pagina=3")["resultaten"]
    assert [r["nummer"] for r in last] == ["AV-2023-02", "AV-2023-01"]
    assert last[1]["tijdigheid"] == "op-tijd"
    assert last[1]["advies_kenmerken"] == [world["letter_on_time"].reference]
    assert last[1]["advies_verzonden_op"] == "2023-02-10"


def test_the_list_is_the_same_as_the_json_file(client, world):
    api_rows = get(client, "?per_pagina=100")["resultaten"]
    file_rows = client.get("/open-data/adviesaanvragen.json").json()["adviesaanvragen"]
    assert [{k: v for k, v in row.items() if k != "api_url"} for row in api_rows] == file_rows


def test_filters_and_their_errors(client, world):
    body = get(client, "?thema=jeugd")
    assert body["filters"] == {"thema": "jeugd"}
    assert [r["nummer"] for r in body["resultaten"]] == ["AV-2023-02", "AV-2023-01"]
    body = get(client, "?status=klaar&jaar=twintig", status=400)
    assert body["fout"] == "De vraag klopt niet."
    assert {d["parameter"] for d in body["details"]} == {"status", "jaar"}
    body = get(client, "?pagina=0", status=400)
    assert body["details"][0]["parameter"] == "pagina"
    body = get(client, "?pagina=9", status=404)
    assert "Pagina 9 bestaat niet" in body["fout"]


def test_one_request_with_its_documents(client, world):
    body = get(client, "AV-2023-01/")
    assert body["nummer"] == "AV-2023-01"
    assert body["url"] == PAGE + "AV-2023-01/"
    document = world["on_time"].documents.get()
    assert body["documenten"] == [
        {
            "titel": "Brief van het college",
            "soort": "aanvraagbrief",
            "url": f"{PAGE}AV-2023-01/documenten/{document.pk}/",
        }
    ]
    assert body["toelichting_status"].startswith("Advies ")
    declined = get(client, "av-2023-04/")  # any case
    assert declined["status"] == "afgezien"
    assert declined["toelichting_status"] == "De raad heeft hier geen rol in."
    body = get(client, "AV-1999-01/", status=404)
    assert body["fout"] == "Er is geen adviesaanvraag met nummer AV-1999-01."


def count_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        get(client, path)
    return len(captured)


def test_a_fixed_number_of_queries_for_5_and_500_requests(client, world):
    paths = ["", "?per_pagina=100", "?thema=jeugd", "AV-2023-01/"]
    get(client)  # the site's root paths are cached from the first request on
    small = [count_queries(client, path) for path in paths]
    add_many_requests(500)
    assert [count_queries(client, path) for path in paths] == small
    assert get(client)["aantal"] == 506
