"""A reference typed in another case (/adviezen/pr-2019-01/) is sent on, permanently, to the
letter's one address with the reference as stored; on the pages and in the API alike.
Unknown references, and letters that are not public, stay a 404 in Dutch."""

import pytest

from advices.models import LetterStatus
from tests.factories import AdviceLetterFactory, CollegeResponseFactory

API = "/api/v1"


@pytest.fixture
def letter(index):
    return AdviceLetterFactory(reference="PR-2019-01", recommendations=3, status=LetterStatus.SENT)


@pytest.mark.parametrize(
    ("asked", "canonical"),
    [
        ("pr-2019-01/", "PR-2019-01/"),
        ("Pr-2019-01/", "PR-2019-01/"),
        ("pr-2019-01/aanbeveling/2/", "PR-2019-01/aanbeveling/2/"),
        ("pr-2019-01/pdf/", "PR-2019-01/pdf/"),
    ],
)
def test_a_page_in_another_case_redirects_permanently(client, index, letter, asked, canonical):
    response = client.get(f"{index.url}{asked}")
    assert response.status_code == 301
    assert response["Location"] == f"{index.url}{canonical}"
    assert client.get(response["Location"]).status_code == 200


def test_the_reply_pdf_and_the_query_string_follow(client, index, letter):
    CollegeResponseFactory(letter=letter)
    response = client.get(f"{index.url}pr-2019-01/?utm_source=nieuwsbrief&x=%C3%A9")
    assert response.status_code == 301
    assert response["Location"] == f"{index.url}PR-2019-01/?utm_source=nieuwsbrief&x=%C3%A9"
    # The reply has no uploaded file here: the canonical address says so with a 404.
    moved = client.get(f"{index.url}pr-2019-01/reactie-college/")
    assert moved.status_code == 301
    assert moved["Location"] == f"{index.url}PR-2019-01/reactie-college/"


def test_the_address_as_stored_is_served_without_a_detour(client, index, letter):
    assert client.get(f"{index.url}PR-2019-01/").status_code == 200


def test_unknown_references_stay_a_dutch_404(client, index, letter):
    for asked in ("pr-1999-01/", "PR-1999-01/", "pr-2019-0/", "pr-2019-01x/aanbeveling/1/"):
        response = client.get(f"{index.url}{asked}")
        assert response.status_code == 404, asked
        assert "Pagina niet gevonden" in response.content.decode(), asked
    # A known letter without that recommendation: redirected, then an honest 404.
    moved = client.get(f"{index.url}pr-2019-01/aanbeveling/9/")
    assert moved.status_code == 301
    assert client.get(moved["Location"]).status_code == 404


@pytest.mark.parametrize("status", [LetterStatus.CONCEPT, LetterStatus.ADOPTED])
def test_a_letter_that_is_not_public_is_not_revealed_in_any_case(client, index, status):
    AdviceLetterFactory(reference="PR-2024-03", status=status)
    for asked in ("pr-2024-03/", "PR-2024-03/"):
        assert client.get(f"{index.url}{asked}").status_code == 404
        assert client.get(f"{API}/adviezen/{asked}").status_code == 404


# -- the API -----------------------------------------------------------------------------


def test_the_api_letter_in_another_case_redirects_permanently(client, letter):
    response = client.get(f"{API}/adviezen/pr-2019-01/?pagina=1")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/adviezen/PR-2019-01/?pagina=1"
    # Open data: a page on another site may follow the redirect as it may read the answer.
    assert response["Access-Control-Allow-Origin"] == "*"
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert followed.json()["kenmerk"] == "PR-2019-01"


def test_the_api_recommendation_in_another_case_redirects_permanently(client, letter):
    response = client.get(f"{API}/aanbevelingen/pr-2019-01/2/")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/aanbevelingen/PR-2019-01/2/"
    assert client.get(response["Location"]).json()["aanbeveling"].endswith("/ 2")


def test_the_api_keeps_its_dutch_404_for_unknown_references(client, letter):
    response = client.get(f"{API}/adviezen/pr-1999-01/")
    assert response.status_code == 404
    assert response.json()["fout"] == "Er is geen verzonden adviesbrief met kenmerk pr-1999-01."
    response = client.get(f"{API}/aanbevelingen/PR-2019-01/9/")
    assert response.status_code == 404
    assert "Er is geen aanbeveling 9" in response.json()["fout"]


def test_the_openapi_description_names_the_redirect(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert "301" in paths["/api/v1/adviezen/{kenmerk}/"]["get"]["responses"]
    assert "301" in paths["/api/v1/aanbevelingen/{kenmerk}/{nummer}/"]["get"]["responses"]
