"""JSON log lines: the request id of the request they were written in, Django's own request
logs reduced to method and path (no query string, where search words and tokens are)."""

import io
import json
import logging

import pytest

from operations.logs import JsonFormatter, RequestIdFilter


@pytest.fixture
def json_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_a_not_found_is_logged_with_its_request_id_and_path_only(client, db, json_lines):
    response = client.get("/bestaat-niet/?q=geheim-zoekwoord")
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    (entry,) = [line for line in json_lines() if line.get("request_id") == request_id]
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert entry["path"] == "/bestaat-niet/"
    assert entry["method"] == "GET"
    assert entry["status_code"] == 404
    assert "geheim-zoekwoord" not in json.dumps(entry)


def test_a_sane_request_id_from_the_proxy_is_kept_another_replaced(client, db):
    given = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    assert client.get("/gezondheid/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    odd = client.get("/gezondheid/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert odd != "<script>" and len(odd) == 32
