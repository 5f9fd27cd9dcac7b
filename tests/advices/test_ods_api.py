"""The gemeenteraad's information system: the read-only API in the VNG ODS Open
Raadsinformatie shape at /api/open-raadsinformatie/v1/. Every answer is checked against the
spec's own component schemas (tests/advices/ods_schema.py), and for its counts and values."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from advices.lifecycle.decisions import FollowsAdvice
from advices.models import LetterStatus
from tests.advices.ods_schema import assert_problem, assert_valid
from tests.advices.response_helpers import pdf_upload
from tests.advices.test_decisions_public import decide
from tests.factories import (
    AdviceLetterFactory,
    CollegeResponseFactory,
    CommitmentFactory,
    CouncilSettingsFactory,
)

BASE = "/api/open-raadsinformatie/v1"
SERVER = "http://testserver"


@pytest.fixture
def council(db):
    return CouncilSettingsFactory(name="Participatieraad Zwolle", municipality="Zwolle")


@pytest.fixture
def world(index, council, clerk):
    """Two sent letters (one answered, with a decision and a commitment) and a draft."""
    first = AdviceLetterFactory(
        reference="PR-2022-01",
        date=datetime.date(2022, 3, 1),
        subject="Sterke sociale basis",
        status=LetterStatus.SENT,
    )
    second = AdviceLetterFactory(
        reference="PR-2022-02",
        date=datetime.date(2022, 5, 1),
        subject="Armoedebeleid",
        status=LetterStatus.SENT,
    )
    draft = AdviceLetterFactory(
        reference="PR-2022-03", subject="Geheim concept", status=LetterStatus.CONCEPT
    )
    reply = CollegeResponseFactory(
        letter=first,
        received_on=datetime.date(2022, 6, 17),
        summary="Het college neemt het advies grotendeels over.",
    )
    first.refresh_from_db()
    recommendation = first.recommendations.get(number=1)
    commitment = CommitmentFactory(
        recommendation=recommendation,
        description="Het college organiseert een buurtbijeenkomst.",
        due_date=datetime.date(2023, 3, 31),
    )
    decision = decide(
        first, clerk, {1: FollowsAdvice.YES, 2: FollowsAdvice.PARTLY}, title="Beleidsplan"
    )
    plain = decide(second, clerk, {1: FollowsAdvice.YES}, title="Armoedeplan")
    return {
        "first": first,
        "second": second,
        "draft": draft,
        "reply": reply,
        "commitment": commitment,
        "decision": decision,
        "plain": plain,
    }


def get(client, path, status=200, **query):
    response = client.get(BASE + path, query)
    assert response.status_code == status, response.content
    assert response["api-version"] == "2.0.0-beta.4"
    assert response["Access-Control-Allow-Origin"] == "*"
    expected = "application/json" if status == 200 else "application/problem+json"
    assert response["Content-Type"] == expected
    assert b"Geheim concept" not in response.content
    body = response.json()
    if status == 200:
        assert "PR-2022-03" not in response.content.decode()
    else:
        assert_problem(body, "BadRequestFoutbericht" if status == 400 else "Foutbericht")
        assert body["status"] == status
    return body


def ids(body):
    return [result["id"] for result in body["results"]]


# -- informatieobjecten ----------------------------------------------------------------------


def test_letters_and_replies_are_information_objects_newest_first(client, world):
    body = get(client, "/informatieobjecten")
    assert_valid(body, "PaginatedInformatieObjectList")
    assert body["next"] is None and body["previous"] is None
    assert ids(body) == ["reactie-PR-2022-01", "advies-PR-2022-02", "advies-PR-2022-01"]
    for result in body["results"]:
        assert_valid(result, "InformatieObject")
    reply, second, first = body["results"]
    assert first == {
        "url": f"{SERVER}{BASE}/informatieobjecten/advies-PR-2022-01",
        "id": "advies-PR-2022-01",
        "informatieobjecttype": "ingekomen_stuk",
        "titel": "Advies PR-2022-01: Sterke sociale basis",
        "omschrijving": "Advies van de Participatieraad Zwolle aan het college: "
        "Sterke sociale basis",
        "auteur": "Participatieraad Zwolle",
        "creatiedatum": "2022-03-01",
        "datumIngediend": timezone.localdate(world["first"].sent_at).isoformat(),
        "taal": "dut",
        "vertrouwelijkheidsaanduiding": "openbaar",
        "link": f"{SERVER}/adviezen/PR-2022-01/pdf/",
    }
    assert second["informatieobjecttype"] == "ingekomen_stuk"
    assert reply["informatieobjecttype"] == "antwoord"
    assert reply["auteur"] == "College van burgemeester en wethouders van Zwolle"
    assert reply["creatiedatum"] == "2022-06-17"
    assert reply["omschrijving"] == "Het college neemt het advies grotendeels over."
    assert reply["gerelateerdInformatieobject"] == {
        "informatieobject": {"id": "advies-PR-2022-01", "url": first["url"]},
        "rol": "vraag",
    }
    # The reply was recorded as text only: its link is the letter's page, where it is shown.
    assert reply["link"] == f"{SERVER}/adviezen/PR-2022-01/"


def test_every_url_in_an_answer_answers_itself(client, world):
    body = get(client, "/informatieobjecten")
    for result in body["results"]:
        assert client.get(result["url"]).json() == result
        assert client.get(result["link"]).status_code == 200


def test_a_reply_sent_as_pdf_links_to_that_pdf(client, world):
    CollegeResponseFactory(letter=world["second"], reply_file=pdf_upload(), text="")
    reply = get(client, "/informatieobjecten/reactie-PR-2022-02")
    assert_valid(reply, "InformatieObject")
    assert reply["link"] == f"{SERVER}/adviezen/PR-2022-02/reactie-college/"
    assert client.get(reply["link"]).status_code == 200


def test_one_information_object_by_its_id(client, world):
    letter = get(client, "/informatieobjecten/advies-PR-2022-02")
    assert_valid(letter, "InformatieObject")
    assert letter["titel"] == "Advies PR-2022-02: Armoedebeleid"
    reply = get(client, "/informatieobjecten/reactie-PR-2022-01")
    assert_valid(reply, "InformatieObject")
    assert reply["informatieobjecttype"] == "antwoord"


def test_drafts_unanswered_letters_and_unknown_ids_are_a_404_problem(client, world):
    for path in [
        "/informatieobjecten/advies-PR-2022-03",  # the draft
        "/informatieobjecten/reactie-PR-2022-02",  # no reply yet
        "/informatieobjecten/advies-PR-1999-01",
        "/informatieobjecten/iets-anders",
        "/informatieobjecten/",
        "/bestaat-niet",
        "/",
    ]:
        body = get(client, path, status=404)
        assert body["title"] == "Niet gevonden."


# -- pages -----------------------------------------------------------------------------------


def test_pages_follow_the_spec_next_and_previous(client, world):
    first = get(client, "/informatieobjecten", pageSize=2)
    assert_valid(first, "PaginatedInformatieObjectList")
    assert ids(first) == ["reactie-PR-2022-01", "advies-PR-2022-02"]
    assert first["previous"] is None
    assert first["next"] == f"{SERVER}{BASE}/informatieobjecten?pageSize=2&page=2"
    second = client.get(first["next"]).json()
    assert_valid(second, "PaginatedInformatieObjectList")
    assert ids(second) == ["advies-PR-2022-01"]
    assert second["next"] is None
    assert second["previous"] == f"{SERVER}{BASE}/informatieobjecten?pageSize=2&page=1"


def test_a_page_past_the_last_is_a_404_problem(client, world):
    body = get(client, "/informatieobjecten", status=404, page=3, pageSize=2)
    assert body["detail"] == "Pagina 3 bestaat niet. Er zijn 2 pagina's."


@pytest.mark.parametrize(
    "query, name",
    [
        ({"page": "0"}, "page"),
        ({"page": "twee"}, "page"),
        ({"pageSize": "101"}, "pageSize"),
        ({"pageSize": "-1"}, "pageSize"),
        ({"page": "²"}, "page"),
    ],
)
def test_a_wrong_page_parameter_is_a_400_problem_naming_it(client, world, query, name):
    body = get(client, "/besluiten", status=400, **query)
    assert [param["name"] for param in body["invalidParams"]] == [name]
    assert body["invalidParams"][0]["reason"].startswith("Geef een heel getal")


def test_the_api_only_reads(client, world):
    response = client.post(BASE + "/informatieobjecten", {})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert_problem(response.json())


def test_an_empty_site_gives_empty_valid_lists(client, index, council):
    for path, schema in [
        ("/informatieobjecten", "PaginatedInformatieObjectList"),
        ("/indieners", "PaginatedIndienerList"),
        ("/besluiten", "PaginatedBesluitList"),
    ]:
        body = get(client, path)
        assert_valid(body, schema)
        assert body["results"] == []


# -- indieners and the council ---------------------------------------------------------------


def test_the_council_submitted_every_letter(client, world):
    body = get(client, "/indieners")
    assert_valid(body, "PaginatedIndienerList")
    assert ids(body) == ["PR-2022-02", "PR-2022-01"]
    submitter = body["results"][1]
    assert submitter == {
        "url": f"{SERVER}{BASE}/indieners/PR-2022-01",
        "id": "PR-2022-01",
        "naam": "Participatieraad Zwolle",
        "informatieobject": {
            "id": "advies-PR-2022-01",
            "url": f"{SERVER}{BASE}/informatieobjecten/advies-PR-2022-01",
        },
        "organisatorischeEenheid": {
            "id": "raad",
            "url": f"{SERVER}{BASE}/organisatorische_eenheden/raad",
        },
    }
    assert get(client, "/indieners/PR-2022-01") == submitter
    get(client, "/indieners/PR-2022-03", status=404)


def test_submitters_filter_on_the_information_object_by_url_or_id(client, world):
    url = f"{SERVER}{BASE}/informatieobjecten/advies-PR-2022-01"
    assert ids(get(client, "/indieners", informatieobject=url)) == ["PR-2022-01"]
    assert ids(get(client, "/indieners", informatieobject="advies-PR-2022-02")) == ["PR-2022-02"]
    # A reply has no indiener; a draft is not there.
    assert ids(get(client, "/indieners", informatieobject="reactie-PR-2022-01")) == []
    assert ids(get(client, "/indieners", informatieobject="advies-PR-2022-03")) == []


def test_the_council_is_the_organisational_unit(client, world):
    body = get(client, "/organisatorische_eenheden")
    assert_valid(body, "PaginatedOrganisatorischeEenheidList")
    unit = get(client, "/organisatorische_eenheden/raad")
    assert_valid(unit, "OrganisatorischeEenheid")
    assert body["results"] == [unit]
    assert unit["naam"] == "Participatieraad Zwolle"
    assert unit["omschrijving"] == "Adviesraad van de gemeente Zwolle"


# -- besluiten with their toezegging ---------------------------------------------------------


def test_decisions_carry_the_commitments_as_toezegging(client, world):
    body = get(client, "/besluiten")
    assert_valid(body, "PaginatedBesluitList")
    by_title = {result["besluitresultaat"]: result for result in body["results"]}
    assert sorted(by_title) == ["Armoedeplan", "Beleidsplan"]
    for result in body["results"]:
        assert_valid(result, "Besluit")
    decided = by_title["Beleidsplan"]
    assert decided["toezegging"] == (
        "Aanbeveling 1: Het college organiseert een buurtbijeenkomst. (uiterlijk 31 maart 2023)"
    )
    assert decided["besluittoelichting"].startswith("College van B&W, ")
    assert "na advies PR-2022-01." in decided["besluittoelichting"]
    # No commitment on what that decision is about: no toezegging.
    assert "toezegging" not in by_title["Armoedeplan"]
    pk = world["decision"].pk
    assert decided["url"] == f"{SERVER}{BASE}/besluiten/{pk}" and decided["id"] == str(pk)
    assert get(client, f"/besluiten/{pk}") == decided


def test_a_long_toezegging_is_cut_to_the_spec_s_500_characters(client, world):
    recommendation = world["first"].recommendations.get(number=2)
    CommitmentFactory(recommendation=recommendation, description="Een lange toezegging. " * 40)
    result = get(client, f"/besluiten/{world['decision'].pk}")
    assert_valid(result, "Besluit")
    assert 490 < len(result["toezegging"]) <= 500 and result["toezegging"].endswith("…")
    assert result["toezegging"].startswith("Aanbeveling 1: ")


def test_decisions_after_a_draft_or_unknown_are_a_404(client, world):
    get(client, "/besluiten/999999", status=404)


# -- queries ---------------------------------------------------------------------------------


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(BASE + path).status_code == 200
    return len(queries)


def add_answered_letters(clerk, count):
    for number in range(count):
        letter = AdviceLetterFactory(
            reference=f"PR-2021-{number + 1:02d}",
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=number),
            recommendations=2,
            status=LetterStatus.SENT,
        )
        CollegeResponseFactory(letter=letter)
        letter.refresh_from_db()
        CommitmentFactory(recommendation=letter.recommendations.get(number=1))
        decide(letter, clerk, {1: FollowsAdvice.YES, 2: FollowsAdvice.YES})


@pytest.mark.parametrize(
    "path, shown",
    [
        ("/informatieobjecten", 20),  # of 3 + 24
        ("/indieners", 14),
        ("/besluiten", 14),
        ("/organisatorische_eenheden", 1),
    ],
)
def test_lists_cost_the_same_queries_for_few_or_many(client, world, clerk, path, shown):
    client.get(BASE + path)  # fills Wagtail's cache of the site's root paths
    few = count_queries(client, path)
    add_answered_letters(clerk, 12)
    assert len(client.get(BASE + path).json()["results"]) == shown
    assert count_queries(client, path) == few


# -- the Open data page ----------------------------------------------------------------------


def test_the_open_data_page_tells_the_griffie_how_to_use_it(client, index, council):
    response = client.get("/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    section = html.split('id="ods-heading"')[1].split("</section>")[0]
    assert "Voor de gemeenteraad en de griffie" in section
    assert f'href="{BASE}/informatieobjecten"' in section
    assert f'href="{BASE}/besluiten"' in section
    for words in ["iBabs", "Notubiz", "ingekomen_stuk", "antwoord", "toezegging", "pageSize"]:
        assert words in section
    assert "Zo koppelt de griffie het RIS" in section
