"""Sending a letter stores its PDF. Tests that send a letter for another reason get a small
stand-in instead of WeasyPrint's rendering (tests/conftest.py); tests about the PDF, and tests
marked ``real_pdf``, get the real one. Both halves are checked here: a moved renderer must not
make every send slow again unnoticed, nor let the PDF tests check the stand-in."""

import hashlib
import io

import pytest
from pypdf import PdfReader

from advices.models import LetterStatus
from tests.factories import AdviceLetterFactory


def stored_pdf(letter):
    record = letter.sent_pdf
    with record.file.open("rb") as stored:
        data = stored.read()
    assert hashlib.sha256(data).hexdigest() == record.sha256
    assert len(data) == record.size
    return PdfReader(io.BytesIO(data))


def test_a_letter_sent_in_an_ordinary_test_stores_the_stand_in(db):
    letter = AdviceLetterFactory(reference="PR-2022-07", status=LetterStatus.SENT)
    pdf = stored_pdf(letter)
    assert len(pdf.pages) == 1
    assert pdf.metadata.title == "PR-2022-07"
    assert pdf.pages[0].extract_text() == ""


@pytest.mark.real_pdf
def test_a_letter_sent_in_a_real_pdf_test_is_rendered(db):
    letter = AdviceLetterFactory(
        reference="PR-2022-07", subject="Sterke sociale basis", status=LetterStatus.SENT
    )
    pdf = stored_pdf(letter)
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "PR-2022-07" in text
    assert "Wij adviseren u maatregel 3 te nemen." in text
    assert "WeasyPrint" in pdf.metadata.producer
