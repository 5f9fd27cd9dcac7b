"""Shared by the archive export's tests: a small archive world and MDTO validation (lxml,
offline, against the Nationaal Archief's XSD kept in standards/mdto)."""

import datetime
import io
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.base import ContentFile
from lxml import etree

from advices.models import LetterStatus
from tests.advices.response_helpers import pdf_bytes
from tests.factories import CollegeResponseFactory, make_letter

XSD = Path(__file__).resolve().parents[2] / "standards" / "mdto" / "MDTO-XML1.0.1.xsd"
NS = {"m": "https://www.nationaalarchief.nl/mdto"}
ZONE = ZoneInfo("Europe/Amsterdam")


def mdto_schema():
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(XSD), parser))


def parse(data):
    return etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))


def send_on(day, reference, **fields):
    """A letter sent at 10:00 on ``day`` (its own date a week earlier)."""
    moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=ZONE)
    with time_machine.travel(moment, tick=False):
        return make_letter(
            recommendations=1,
            status=LetterStatus.SENT,
            reference=reference,
            date=day - datetime.timedelta(days=7),
            **fields,
        )


def build_archive_world():
    """Three letters sent in 2022 (one with a PDF reply, one with a text-only reply, one
    without a reply) and one sent in 2023, outside the period of the tests."""
    with_pdf = send_on(datetime.date(2022, 3, 1), "PR-2022-01", subject="Sterke sociale basis")
    CollegeResponseFactory(
        letter=with_pdf,
        received_on=datetime.date(2022, 4, 12),
        college_reference="Z/22/1001",
        reply_file=ContentFile(pdf_bytes(), name="reactie.pdf"),
    )
    text_only = send_on(datetime.date(2022, 6, 17), "PR-2022-02", subject="Armoede")
    CollegeResponseFactory(
        letter=text_only, received_on=datetime.date(2022, 7, 15), college_reference=""
    )
    unanswered = send_on(datetime.date(2022, 12, 31), "PR-2022-03", subject="Jeugd")
    later = send_on(datetime.date(2023, 1, 1), "PR-2023-01", subject="Wonen")
    return with_pdf, text_only, unanswered, later


def open_zip(data):
    return zipfile.ZipFile(io.BytesIO(data))
