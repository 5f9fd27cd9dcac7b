"""The letter PDF's reference block for gevraagd advies: "Uw brief van" and "Uw kenmerk" of the
request the letter answers, each only when known; ongevraagd advies has neither.

Real WeasyPrint renders, read back from the PDF (pdfminer.six via ``pdf_reading``)."""

import datetime

import pytest

from advices.lifecycle.requests import RequestStatus
from advices.models import LetterStatus
from advices.pdf.render import render_letter_pdf
from tests.advices.pdf_reading import page_texts
from tests.factories import AdviceRequestFactory, make_letter

pytestmark = [pytest.mark.django_db, pytest.mark.real_pdf]

LETTER_DATE = datetime.date(2022, 6, 17)
THEIR_LABELS = ["Uw brief van", "Uw kenmerk"]


def first_page(letter):
    return page_texts(render_letter_pdf(letter))[0]


def a_request(**fields):
    defaults = {
        "letter_date": datetime.date(2022, 1, 11),
        "received_on": datetime.date(2022, 1, 13),
        "municipal_reference": "Z/22/123456",
    }
    return AdviceRequestFactory(**{**defaults, **fields})


def test_a_letter_that_answers_a_request_cites_its_letter_and_kenmerk():
    letter = make_letter(recommendations=1, date=LETTER_DATE, request=a_request())

    text = first_page(letter)

    # The rows under "Datum" and "Ons kenmerk", in that order, as Dutch letters have them.
    assert (
        f"Datum 17 juni 2022 Ons kenmerk {letter.reference} "
        "Uw brief van 11 januari 2022 Uw kenmerk Z/22/123456 Onderwerp"
    ) in text


def test_the_stored_pdf_of_a_sent_answer_has_the_rows():
    letter = make_letter(
        recommendations=1, date=LETTER_DATE, request=a_request(), status=LetterStatus.SENT
    )
    letter.request.refresh_from_db()
    assert letter.request.status == RequestStatus.ANSWERED

    with letter.sent_pdf.file.open("rb") as handle:
        text = page_texts(handle.read())[0]
    assert "Uw brief van 11 januari 2022 Uw kenmerk Z/22/123456" in text


def test_without_a_letter_date_the_request_is_cited_by_the_day_it_came_in():
    request = a_request(letter_date=None, municipal_reference="")
    text = first_page(make_letter(recommendations=1, date=LETTER_DATE, request=request))

    assert "Uw brief van 13 januari 2022 Onderwerp" in text
    assert "Uw kenmerk" not in text  # no empty label


def test_a_request_from_before_the_register_without_dates_or_kenmerk_gives_no_rows():
    request = a_request(letter_date=None, received_on=None, deadline=None, municipal_reference="")
    text = first_page(make_letter(recommendations=1, date=LETTER_DATE, request=request))

    for label in THEIR_LABELS:
        assert label not in text, label
    assert "Ons kenmerk" in text


def test_an_ongevraagd_letter_has_no_rows_of_a_request():
    text = first_page(make_letter(recommendations=1, date=LETTER_DATE))

    for label in THEIR_LABELS:
        assert label not in text, label
    assert "Datum 17 juni 2022 Ons kenmerk" in text
