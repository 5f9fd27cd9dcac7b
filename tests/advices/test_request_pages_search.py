"""The site search finds the college's requests for advice (kind "adviesaanvragen") by
number, subject and questions, with their status as their page says it; only where the
site has an "Adviesaanvragen" page."""

import datetime

import pytest
from django.utils import timezone

from advices.lifecycle.requests import RequestStatus
from tests.factories import (
    AdviceIndexPageFactory,
    AdviceRequestFactory,
    AdviceRequestIndexPageFactory,
    build_site,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    home, _meetings = build_site()
    AdviceIndexPageFactory(parent=home, slug="adviezen")
    return home


def search(client, **params):
    response = client.get("/zoeken/", params)
    assert response.status_code == 200
    return response


def found(response):
    return [
        result
        for group in response.context["groups"]
        if group["kind"] == "adviesaanvragen"
        for result in group["results"]
    ]


def test_requests_are_found_by_number_subject_and_questions(client, home):
    AdviceRequestIndexPageFactory(parent=home)
    today = timezone.localdate()
    subject = AdviceRequestFactory(reference="AV-2022-01", subject="Leerlingenvervoer")
    question = AdviceRequestFactory(
        reference="AV-2022-02",
        subject="Verordening",
        questions="Hoe kijkt de raad naar het leerlingenvervoer?",
        received_on=today - datetime.timedelta(days=60),
        deadline=today - datetime.timedelta(days=1),
        status=RequestStatus.IN_PROGRESS,
    )
    AdviceRequestFactory(reference="AV-2022-03", subject="Armoede")

    response = search(client, q="leerlingenvervoer")
    results = found(response)
    # The subject hit first, then the hit in the questions.
    assert [result.title for result in results] == [
        "AV-2022-01 Leerlingenvervoer",
        "AV-2022-02 Verordening",
    ]
    assert results[0].url == f"/adviesaanvragen/{subject.reference}/"
    assert results[0].status == "Ontvangen"
    assert results[1].status == "In behandeling, advies te laat"
    assert results[1].excerpt == question.questions
    assert results[0].context == "Adviesaanvraag van: Wethouder Zorg en Welzijn"
    html = response.content.decode()
    assert "Adviesaanvragen" in html and 'href="/adviesaanvragen/AV-2022-01/"' in html

    by_number = found(search(client, q="av-2022-03"))
    assert [result.title for result in by_number] == ["AV-2022-03 Armoede"]
    only = search(client, q="leerlingenvervoer", soort="adviesaanvragen")
    assert {group["kind"] for group in only.context["groups"]} == {"adviesaanvragen"}


def test_nothing_is_found_without_a_requests_page(client, home):
    AdviceRequestFactory(subject="Leerlingenvervoer")
    response = search(client, q="leerlingenvervoer")
    assert found(response) == []
    assert {kind["kind"]: kind["count"] for kind in response.context["kinds"]}[
        "adviesaanvragen"
    ] == 0
