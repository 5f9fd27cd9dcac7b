"""The site search (``/zoeken/``) finds the advice cycle: sent letters, recommendations, the
college's replies, beside meeting reports and pages; grouped, ranked, paginated, only public."""

import datetime
import io

import pytest
from django.core.management import call_command

from advices.models import LetterStatus, Verdict
from tests.factories import (
    AdviceIndexPageFactory,
    CollegeResponseFactory,
    RecommendationAnswerFactory,
    RecommendationIndexPageFactory,
    add_meeting,
    add_standard_page,
    build_site,
    make_letter,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    home, index = build_site()
    AdviceIndexPageFactory(parent=home, slug="adviezen")
    RecommendationIndexPageFactory(parent=home, slug="aanbevelingen")
    return home, index


def search(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response


def found(response, kind=None):
    return [
        result.title
        for group in response.context["groups"]
        if kind is None or group["kind"] == kind
        for result in group["results"]
    ]


def counts(response):
    return {item["kind"]: item["count"] for item in response.context["kinds"]}


def recommendation(advice, heading="Sociale basis", context=""):
    return {"heading": heading, "context": context, "advice": advice}


def test_the_demo_words_find_what_the_tracker_finds(client):
    """The issue's words: the tracker lists 4, 5 and 1 recommendations for them."""
    call_command("load_demo", stdout=io.StringIO())
    for word, in_tracker in [("mantelzorg", 4), ("SWT", 5), ("Buurtcafé", 1), ("buurtcafe", 1)]:
        response = search(client, q=word)
        assert counts(response)["aanbevelingen"] == in_tracker, word
        tracker = client.get("/aanbevelingen/", {"q": word}).content.decode()
        assert f"{in_tracker} aanbeveling" in tracker, word
    page = search(client, q="mantelzorg").content.decode()
    for heading in ["Adviezen", "Aanbevelingen", "Reacties van het college", "Verslagen"]:
        assert heading in page


def test_accents_and_case_do_not_matter(client, site):
    make_letter(
        recommendations=[
            recommendation("Open een Buurtcafé in elke wijk."),
            recommendation("Betrek de swt bij de ideeën van inwoners."),
        ],
        status=LetterStatus.SENT,
    )
    for query, expected in [
        ("buurtcafe", 1),
        ("BUURTCAFÉ", 1),
        ("Buurtcafè", 1),
        ("SWT", 1),
        ("ideeen", 1),
        ("IDEEËN", 1),
        ("buurtcafe swt", 0),
    ]:
        assert counts(search(client, q=query))["aanbevelingen"] == expected, query
        # The tracker's word search is as tolerant.
        tracker = client.get("/aanbevelingen/", {"q": query}).content.decode()
        assert (f"{expected} aanbeveling" in tracker) if expected else "0 aanbeveling" in tracker


def test_a_draft_or_unsent_letter_is_never_found(client, site):
    for status in [LetterStatus.CONCEPT, LetterStatus.PROPOSED, LetterStatus.ADOPTED]:
        make_letter(
            subject="Geheime wijkaanpak",
            recommendations=[recommendation("Verborgen voorstel over de wijkaanpak.")],
            status=status,
        )
    response = search(client, q="wijkaanpak")
    assert sum(counts(response).values()) == 0
    assert "Niets gevonden" in response.content.decode()
    sent = make_letter(subject="Openbare wijkaanpak", recommendations=1, status=LetterStatus.SENT)
    response = search(client, q="wijkaanpak")
    assert found(response, "adviezen") == [f"{sent.reference} Openbare wijkaanpak"]
    assert counts(response) == {
        "adviezen": 1,
        "adviesaanvragen": 0,
        "aanbevelingen": 1,
        "reacties": 0,
        "verslagen": 0,
        "paginas": 0,
    }
    assert "Verborgen voorstel" not in response.content.decode()


def test_the_college_reply_and_its_answers_are_found_with_the_letter_status(client, site):
    letter = make_letter(subject="Armoede", recommendations=1, status=LetterStatus.SENT)
    reply = CollegeResponseFactory(letter=letter, summary="Het college omarmt de schuldhulp.")
    RecommendationAnswerFactory(
        recommendation=letter.recommendations.get(),
        response=reply,
        verdict=Verdict.ADOPTED,
        answer="Wij starten een proef met de voedselbank.",
    )
    for word in ["schuldhulp", "voedselbank", reply.college_reference]:
        response = search(client, q=word)
        assert found(response, "reacties") == [f"Reactie op {letter.reference} Armoede"], word
        group = response.context["groups"][0]
        assert group["results"][0].status == "Beantwoord"


def test_recommendations_show_their_public_status(client, site):
    letter = make_letter(
        recommendations=[recommendation("Zorg voor een ontmoetingsplek.")],
        status=LetterStatus.SENT,
    )
    response = search(client, q="ontmoetingsplek")
    assert response.context["groups"][0]["results"][0].status == "Wacht op reactie"
    assert f"/adviezen/{letter.reference}/aanbeveling/1/" in response.content.decode()


def test_results_are_grouped_by_kind_with_a_count_each(client, site):
    home, index = site
    make_letter(
        subject="Jeugdhulp dichtbij",
        recommendations=[recommendation("Meer jeugdhulp.")],
        status=LetterStatus.SENT,
    )
    add_meeting(index, "Gesprekstafel jeugdhulp", summary="Over jeugdhulp in de wijk.")
    add_standard_page(home, "Over jeugdhulp", intro="Wat de raad doet voor jeugdhulp.")
    response = search(client, q="jeugdhulp")
    assert counts(response) == {
        "adviezen": 1,
        "adviesaanvragen": 0,
        "aanbevelingen": 1,
        "reacties": 0,
        "verslagen": 1,
        "paginas": 1,
    }
    assert [group["label"] for group in response.context["groups"]] == [
        "Adviezen",
        "Aanbevelingen",
        "Verslagen",
        "Pagina's",
    ]
    page = response.content.decode()
    assert "Verslagen <span" in page and "(1)" in page


def test_title_and_reference_hits_come_first_then_the_newest(client, site):
    old = make_letter(
        date=datetime.date(2019, 3, 1),
        subject="Over mantelzorg",
        recommendations=1,
        status=LetterStatus.SENT,
    )
    newer_body = make_letter(
        date=datetime.date(2023, 3, 1),
        subject="Wonen",
        introduction="<p>Ook mantelzorg kwam ter sprake.</p>",
        recommendations=1,
        status=LetterStatus.SENT,
    )
    newest_title = make_letter(
        date=datetime.date(2024, 3, 1),
        subject="Mantelzorg in de wijk",
        recommendations=1,
        status=LetterStatus.SENT,
    )
    assert found(search(client, q="mantelzorg"), "adviezen") == [
        f"{newest_title.reference} Mantelzorg in de wijk",
        f"{old.reference} Over mantelzorg",
        f"{newer_body.reference} Wonen",
    ]
    # A reference is a title hit too.
    assert found(search(client, q=newer_body.reference), "adviezen")[0].startswith(
        newer_body.reference
    )


def test_one_kind_only_and_pagination(client, site):
    make_letter(
        subject="Inclusie",
        recommendations=[recommendation(f"Maatregel {n} voor inclusie.") for n in range(25)],
        status=LetterStatus.SENT,
    )
    response = search(client, q="inclusie", soort="aanbevelingen")
    assert response.context["page_obj"].paginator.count == 25
    assert len(found(response)) == 10
    assert {group["kind"] for group in response.context["groups"]} == {"aanbevelingen"}
    page = response.content.decode()
    assert "soort=aanbevelingen" in page and "pagina=2" in page
    third = search(client, q="inclusie", soort="aanbevelingen", pagina="3")
    assert len(found(third)) == 5
    # All kinds: the letter first, then the recommendations continue over the pages.
    everything = search(client, q="inclusie", pagina="2")
    assert everything.context["page_obj"].paginator.count == 26
    assert [group["kind"] for group in everything.context["groups"]] == ["aanbevelingen"]


def test_an_unknown_kind_gives_a_dutch_notice_and_all_results(client, site):
    make_letter(subject="Inclusie", recommendations=1, status=LetterStatus.SENT)
    response = search(client, q="inclusie", soort="brieven")
    assert "We kennen de soort ‘brieven’ niet" in response.content.decode()
    assert found(response, "adviezen")
    assert search(client, q="inclusie", soort="\x00<b>").status_code == 200


def test_query_count_stays_constant_as_results_grow(client, site, django_assert_max_num_queries):
    def letters(number):
        for _ in range(number):
            letter = make_letter(
                subject="Sterke sociale basis",
                recommendations=[recommendation("Versterk de sociale basis.")] * 3,
                status=LetterStatus.SENT,
            )
            CollegeResponseFactory(letter=letter, summary="Over de sociale basis.")

    letters(1)
    search(client, q="sociale")  # warm the site and settings caches
    with django_assert_max_num_queries(30) as few:
        search(client, q="sociale basis")
    letters(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = search(client, q="sociale basis")
    assert counts(response)["aanbevelingen"] == 21
