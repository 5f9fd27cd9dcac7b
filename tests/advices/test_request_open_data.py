"""The requests for advice in the open data (issue 13): the CSV and JSON files, their columns
and values (absolute URLs, never the contact's e-mail), the filters and their errors, the
documentation on the Open data page, and a fixed number of queries for 5 and 500 requests."""

import csv
import io
import json

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advices.pages.request_index import AdviceRequestIndexPage
from advices.queries import request_data
from tests.advices.request_world import NOW, SECRET_EMAIL, add_many_requests, build_request_world

pytestmark = pytest.mark.django_db

CSV_URL = "/open-data/adviesaanvragen.csv"
JSON_URL = "/open-data/adviesaanvragen.json"
PAGE = "http://testserver/adviesaanvragen/"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def requests_page(site_tree):
    home, _meetings = site_tree
    return home.add_child(
        instance=AdviceRequestIndexPage(title="Adviesaanvragen", slug="adviesaanvragen")
    )


@pytest.fixture
def world(requests_page):
    return build_request_world()


def get_csv(client, query=""):
    response = client.get(f"{CSV_URL}?{query}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def get_json(client, query=""):
    response = client.get(f"{JSON_URL}?{query}")
    assert response.status_code == 200
    return json.loads(response.content.decode())


def test_csv_columns_and_values(client, world):
    rows = get_csv(client)
    header, *lines = rows
    assert header == request_data.REQUEST_COLUMN_NAMES
    assert header == [
        "nummer", "onderwerp", "vragen", "namens", "ontvangen_op", "datum_brief",
        "kenmerk_gemeente", "uiterste_datum", "eerste_uiterste_datum", "reden_verlenging",
        "status", "tijdigheid", "advies_kenmerken", "advies_verzonden_op", "url", "themas",
    ]  # fmt: skip
    by_number = {line[0]: dict(zip(header, line, strict=True)) for line in lines}
    assert list(by_number) == [
        "AV-2024-01",
        "AV-2023-03",
        "AV-2023-05",
        "AV-2023-04",
        "AV-2023-02",
        "AV-2023-01",
    ]  # fmt: skip  (newest received first)
    first = by_number["AV-2023-01"]
    assert first["onderwerp"] == "Armoedebeleid"
    assert first["vragen"] == "'=Wat vindt de raad van het armoedebeleid?"  # no formula
    assert first["ontvangen_op"] == "2023-01-02"
    assert first["datum_brief"] == "2023-01-01"
    assert first["kenmerk_gemeente"] == "Z/23/0101"
    assert first["uiterste_datum"] == "2023-02-13"
    assert first["eerste_uiterste_datum"] == ""
    assert first["status"] == "advies-uitgebracht"
    assert first["tijdigheid"] == "op-tijd"
    assert first["advies_kenmerken"] == world["letter_on_time"].reference
    assert first["advies_verzonden_op"] == "2023-02-10"
    assert first["url"] == PAGE + "AV-2023-01/"
    assert first["themas"] == "Armoede | Jeugd"
    assert by_number["AV-2023-02"]["tijdigheid"] == "te-laat-uitgebracht"
    extended = by_number["AV-2023-03"]
    assert (extended["uiterste_datum"], extended["eerste_uiterste_datum"]) == (
        "2023-12-01",
        "2023-11-13",
    )
    assert extended["reden_verlenging"] == "De raad wil eerst inwoners spreken."
    assert extended["tijdigheid"] == "advies-te-laat"
    assert by_number["AV-2023-04"]["tijdigheid"] == "afgezien"
    assert by_number["AV-2023-05"]["tijdigheid"] == "onbekend"
    assert by_number["AV-2023-05"]["namens"] == "Het college van B&W"  # no name: the kind
    assert by_number["AV-2024-01"]["tijdigheid"] == "open"


def test_never_the_contact_email_or_name(client, world):
    csv_body = b"".join(client.get(CSV_URL).streaming_content).decode("utf-8-sig")
    json_body = client.get(JSON_URL).content.decode()
    for body in (csv_body, json_body):
        assert SECRET_EMAIL not in body
        assert "Carla Contact" not in body


def test_json_has_the_same_rows_with_lists_and_nulls(client, world):
    document = get_json(client)
    assert document["aantal"] == len(document["adviesaanvragen"]) == 6
    assert document["filters"] == {}
    first = next(r for r in document["adviesaanvragen"] if r["nummer"] == "AV-2023-01")
    assert list(first) == request_data.REQUEST_COLUMN_NAMES
    assert first["vragen"] == "=Wat vindt de raad van het armoedebeleid?"  # JSON keeps it
    assert first["advies_kenmerken"] == [world["letter_on_time"].reference]
    assert first["themas"] == [
        {"slug": "armoede", "naam": "Armoede"},
        {"slug": "jeugd", "naam": "Jeugd"},
    ]
    assert first["url"] == PAGE + "AV-2023-01/"
    later = next(r for r in document["adviesaanvragen"] if r["nummer"] == "AV-2024-01")
    assert later["eerste_uiterste_datum"] is None and later["advies_verzonden_op"] is None
    assert later["advies_kenmerken"] == []


def test_without_a_requests_page_the_url_is_empty(client, site_tree):
    build_request_world()
    assert {row[-2] for row in get_csv(client)[1:]} == {""}
    assert {row["url"] for row in get_json(client)["adviesaanvragen"]} == {None}


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("jaar=2024", ["AV-2024-01"]),
        ("status=afgezien", ["AV-2023-04"]),
        ("thema=jeugd", ["AV-2023-02", "AV-2023-01"]),
        ("thema=jeugd&status=advies-uitgebracht&jaar=2023", ["AV-2023-02", "AV-2023-01"]),
        ("jaar=2022", []),
    ],
)
def test_filters(client, world, query, numbers):
    assert [row[0] for row in get_csv(client, query)[1:]] == numbers
    document = get_json(client, query)
    assert [row["nummer"] for row in document["adviesaanvragen"]] == numbers
    assert set(document["filters"]) == {part.split("=")[0] for part in query.split("&")}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("jaar=twee", "jaar"), ("status=klaar", "status"), ("thema=bestaat-niet", "thema")],
)
def test_a_bad_filter_is_a_dutch_400(client, world, query, parameter):
    response = client.get(f"{CSV_URL}?{query}")
    assert response.status_code == 400
    text = response.content.decode()
    assert text.startswith("De vraag klopt niet.") and f"{parameter}: " in text
    assert response["Content-Type"].startswith("text/plain")
    response = client.get(f"{JSON_URL}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["fout"] == "De vraag klopt niet."
    assert [detail["parameter"] for detail in body["details"]] == [parameter]


def test_the_open_data_page_documents_the_columns_values_and_filters(client, world):
    html = client.get("/open-data/").content.decode()
    for column in request_data.REQUEST_COLUMNS:
        assert f'<code class="utrecht-code">{column.name}</code>' in html, column.name
    for value, _label, _meaning in request_data.request_status_values():
        assert f'<code class="utrecht-code">{value}</code>' in html
    for value, _label, _meaning in request_data.timing_values():
        assert f'<code class="utrecht-code">{value}</code>' in html
    for link in [CSV_URL, JSON_URL, "/api/v1/adviesaanvragen/"]:
        assert f'href="{link}' in html, link
    assert "e-mailadres van de contactpersoon" in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200
        b"".join(response.streaming_content) if response.streaming else response.content
    return len(captured)


def test_a_fixed_number_of_queries_for_5_and_500_requests(client, world):
    urls = [CSV_URL, JSON_URL, CSV_URL + "?thema=jeugd", JSON_URL + "?jaar=2023"]
    client.get(CSV_URL)  # the site's root paths are cached from the first request on
    small = [count_queries(client, url) for url in urls]
    add_many_requests(500)
    assert [count_queries(client, url) for url in urls] == small
    assert len(get_csv(client)) == 1 + 6 + 500
    assert get_json(client, "thema=zorg")["aantal"] == 500
    assert get_json(client, "jaar=2019")["aantal"] == 500
