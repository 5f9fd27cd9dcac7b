"""The public side of the college's reply: per recommendation, what became of it."""

import datetime

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse  # noqa: F401

from advices.actions.college import RecordProgress, RecordReply, redate_commitment
from advices.models import (
    CollegeResponse,
    Commitment,
    CouncilAssessment,
    FollowUp,
    FollowUpState,
    LetterStatus,
    Verdict,
)
from tests.factories import make_letter

SENT_AT = datetime.datetime(2022, 6, 17, 10, 0, tzinfo=datetime.UTC)


def send_in_june_2022(recommendations=2, **fields):
    with time_machine.travel(SENT_AT, tick=False):
        return make_letter(recommendations=recommendations, status=LetterStatus.SENT, **fields)


def letter_url(index, letter):
    return index.url + f"{letter.reference}/"


def recommendation_url(index, letter, number):
    return index.url + f"{letter.reference}/aanbeveling/{number}/"


def test_no_reply_after_the_term_shows_reply_late(client, index):
    letter = send_in_june_2022()
    with time_machine.travel(datetime.datetime(2022, 7, 20, 12, tzinfo=datetime.UTC)):
        html = client.get(letter_url(index, letter)).content.decode()
        assert "Reactie te laat" not in html
        assert "verwacht uiterlijk 29 juli 2022" in html
    with time_machine.travel(datetime.datetime(2022, 8, 1, 12, tzinfo=datetime.UTC)):
        html = client.get(letter_url(index, letter)).content.decode()
        assert "Reactie te laat" in html
        rec_html = client.get(recommendation_url(index, letter, 1)).content.decode()
        assert "Het college heeft nog niet gereageerd." in rec_html


def record_everything(letter, clerk, member):
    reply = RecordReply(
        CollegeResponse(
            letter=letter,
            received_on=datetime.date(2022, 7, 15),
            text="Wij nemen het advies over.",
            summary="Het college neemt de adviezen over.",
        ),
        clerk,
    ).execute()
    first, second = letter.recommendations.order_by("number")[:2]
    answer = reply.answers.get(recommendation=first)
    answer.verdict = Verdict.PARTLY_ADOPTED
    answer.answer = "We onderzoeken eerst welke organisaties er zijn."
    RecordProgress(answer, clerk).execute()
    commitment = Commitment.objects.create(
        recommendation=first,
        description="Inventarisatie van de bestaande organisaties",
        responsible="Team sociaal domein",
        due_date=datetime.date(2020, 3, 31),
        due_precision="kwartaal",
    )
    redate_commitment(commitment, datetime.date(2020, 12, 31), "kwartaal", "Corona", clerk)
    RecordProgress(
        FollowUp(
            recommendation=first,
            date=datetime.date(2022, 9, 1),
            state=FollowUpState.IN_PROGRESS,
            note="De eerste gesprekken zijn gevoerd.",
        ),
        clerk,
    ).execute()
    RecordProgress(
        CouncilAssessment(recommendation=first, assessment="deels-tevreden", note="Te traag."),
        member,
    ).execute()
    return first, second


def test_recommendation_page_tells_the_whole_story(client, index, clerk, member):
    letter = send_in_june_2022()
    record_everything(letter, clerk, member)
    with time_machine.travel(datetime.datetime(2022, 10, 1, 12, tzinfo=datetime.UTC)):
        html = client.get(recommendation_url(index, letter, 1)).content.decode()
    for text in [
        "Wat is ermee gedaan?",
        "In uitvoering",
        "Deels overgenomen",
        "We onderzoeken eerst welke organisaties er zijn.",
        "Inventarisatie van de bestaande organisaties",
        "vierde kwartaal 2020",
        "eerst: eerste kwartaal 2020",
        "reden: Corona",
        "Te laat",
        "De eerste gesprekken zijn gevoerd.",
        "Oordeel van de Participatieraad",
        "Deels tevreden",
    ]:
        assert text in html, text


def test_letter_page_shows_the_reply_and_each_status(client, index, clerk, member):
    letter = send_in_june_2022()
    record_everything(letter, clerk, member)
    html = client.get(letter_url(index, letter)).content.decode()
    assert "Ontvangen op 15 juli 2022" in html
    assert "Het college neemt de adviezen over." in html
    assert "In uitvoering" in html  # recommendation 1
    assert "Standpunt gegeven" not in html.split('id="aanbeveling-1"')[1].split("</article>")[0]
    # recommendation 2: the reply is recorded but gives it no verdict
    assert "Reactie ontvangen, geen standpunt" in html
    assert "Wacht op reactie" not in html
    assert "Beantwoord" in html


def test_letter_page_queries_do_not_grow_with_progress(client, index, clerk, member):
    def measure(letter):
        url = letter_url(index, letter)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = send_in_june_2022(recommendations=3, reference="PR-2022-01")
    record_everything(small, clerk, member)
    big = send_in_june_2022(recommendations=40, reference="PR-2022-02")
    reply = RecordReply(
        CollegeResponse(letter=big, received_on=datetime.date(2022, 7, 1), text="x"), clerk
    ).execute()
    for answer in reply.answers.all():
        answer.verdict = Verdict.ADOPTED
        answer.save()
        Commitment.objects.create(
            recommendation_id=answer.recommendation_id,
            description="x",
            responsible="y",
            due_date=datetime.date(2030, 1, 1),
        )
        FollowUp.objects.create(
            recommendation_id=answer.recommendation_id, state="gepland", note="n"
        )
    assert measure(big) <= measure(small)
