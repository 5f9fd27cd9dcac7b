"""The letter on paper (issue 12): letterhead and return address, the address in the window,
and pages that are full up to the last.

Real WeasyPrint renders, read back with pdfminer.six (text lines with their positions). The
letters are rendered once for the module, inside a transaction that is rolled back afterwards.
"""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.db import transaction
from pdfminer.high_level import extract_text
from pypdf import PdfReader
from wagtail.models import Site

from advices.demo.letters import LETTER_2022
from advices.models import LetterSettings, LetterStatus
from advices.pdf.render import render_letter_pdf
from home.models import CouncilSettings
from tests.advices.pdf_reading import page_count, page_texts, text_lines
from tests.factories import build_site, make_letter

pytestmark = [pytest.mark.django_db, pytest.mark.real_pdf]

COUNCIL = "Participatieraad Zwolle"
# The window of LetterSettings' defaults, in mm from the page's top-left corner.
WINDOW = {"top": 50, "left": 25, "width": 85, "height": 40}
NARROW = {**WINDOW, "width": 60}
# letter.css: A4, 24 mm top and 22 mm bottom margin on continuation pages.
PAGE_BOTTOM = 297 - 22
TEXT_HEIGHT = 297 - 24 - 22
# What keeping a heading with the first three lines of its text may leave blank at the foot
# of a page: the heading with its margins (6 + 5.4 + 2.5 mm), three lines of 10 pt at 1.45
# (15.3 mm) and the space above a recommendation (3 mm), rounded up.
HEADING_WITH_FIRST_LINES = 32

LONG_ADDRESSEE = (
    "Het college van burgemeester en wethouders van de gemeente Zwolle\n"
    "Postbus 10007\n"
    "8000 GA  ZWOLLE"
)
# Test values, not the council's: the demo leaves these empty (tests/home/test_load_demo.py).
POSTAL = "Postbus 99\n1234 ZZ Testdorp"
VISITING = "Teststraat 1\n1234 AB Testdorp"
COUNCIL_EMAIL = "raad@example.org"
COUNCIL_PHONE = "012 345 67 89"
CONTACT = ("Sem Secretaris", "012 345 67 80", "secretariaat@example.org")


def demo_fields():
    """The letter of 17 June 2022 as the demo has it (advices/demo/letters.py)."""
    return {
        "date": LETTER_2022.date,
        "subject": LETTER_2022.subject,
        "addressee": LETTER_2022.addressee,
        "salutation": LETTER_2022.salutation,
        "introduction": LETTER_2022.introduction,
        "closing": LETTER_2022.closing,
        "signatory_name": LETTER_2022.signatory_name,
        "signatory_role": LETTER_2022.signatory_role,
        "recommendations": [
            {"heading": rec.heading, "context": rec.context, "advice": rec.advice}
            for rec in LETTER_2022.recommendations
        ],
    }


def long_sections():
    """Eight recommendations, each explained by the demo's longest explanation twice (some 18
    lines): too long to keep whole where a page has only part of its height left."""
    longest = max(LETTER_2022.recommendations, key=lambda rec: len(rec.context))
    return [
        {
            "heading": heading,
            "context": f"{longest.context}\n\n{longest.context}",
            "advice": longest.advice,
        }
        for heading in ["Sociale kaart"] * 4 + ["Samenwerking"] * 4
    ]


def set_council(site, **values):
    council = CouncilSettings.for_site(site)
    blank = {"postal_address": "", "visiting_address": "", "email": "", "phone": ""}
    for name, value in {"name": COUNCIL, "municipality": "Zwolle", **blank, **values}.items():
        setattr(council, name, value)
    council.save()


def set_contact(site, name="", phone="", email=""):
    layout = LetterSettings.for_site(site)
    layout.contact_name, layout.contact_phone, layout.contact_email = name, phone, email
    layout.save()


def letter(**fields):
    fields.setdefault("date", datetime.date(2022, 6, 17))
    recommendations = fields.pop("recommendations", 1)
    return make_letter(recommendations=recommendations, status=LetterStatus.ADOPTED, **fields)


@pytest.fixture(scope="module")
def pdfs(django_db_setup, django_db_blocker):
    result = {}
    with django_db_blocker.unblock(), transaction.atomic():
        build_site(title=COUNCIL)
        site = Site.objects.get(is_default_site=True)

        # As the demo has it: no address, e-mail, phone or contact person.
        set_council(site)
        set_contact(site)
        demo = letter(**demo_fields())
        result["demo"] = render_letter_pdf(demo)
        result["long sections"] = render_letter_pdf(letter(recommendations=long_sections()))

        # A narrow window: an addressee that does not fit wraps between groups of words.
        layout = LetterSettings.for_site(site)
        layout.window_width = Decimal(NARROW["width"])
        layout.save()
        result["narrow"] = render_letter_pdf(letter(addressee=LETTER_2022.addressee))
        layout.window_width = Decimal(WINDOW["width"])
        layout.save()

        # Everything filled in.
        set_council(
            site,
            postal_address=POSTAL,
            visiting_address=VISITING,
            email=COUNCIL_EMAIL,
            phone=COUNCIL_PHONE,
        )
        set_contact(site, *CONTACT)
        result["filled"] = render_letter_pdf(letter(addressee=LONG_ADDRESSEE))

        # A visiting address only, and a contact e-mail address without a name.
        set_council(site, visiting_address=VISITING)
        set_contact(site, email=CONTACT[2])
        result["partial"] = render_letter_pdf(letter(addressee=LONG_ADDRESSEE))
        transaction.set_rollback(True)
    return result


# -- reading positions -------------------------------------------------------------------------


def in_window(line, window=WINDOW):
    _text, left, top, right, bottom = line
    return (
        left >= window["left"]
        and right <= window["left"] + window["width"]
        and top >= window["top"]
        and bottom <= window["top"] + window["height"]
    )


def window_lines(pdf, window=WINDOW):
    """The text lines inside the window on page 1, top to bottom."""
    lines = [line for line in text_lines(pdf, 0) if in_window(line, window)]
    return sorted(lines, key=lambda line: line[2])


def body_lines(pdf, page):
    """A page's text lines without the running header and the page number, top to bottom."""
    lines = [
        line for line in text_lines(pdf, page) if not line[0].startswith(("Kenmerk PR-", "pagina "))
    ]
    return sorted(lines, key=lambda line: (line[2], line[1]))


def blank_at_the_foot(pdf, page):
    """Millimetres between a page's last line of text and the bottom margin."""
    return PAGE_BOTTOM - max(line[4] for line in body_lines(pdf, page))


def every_page_but_the_last(pdf):
    return range(page_count(pdf) - 1)


# -- the address in the window -------------------------------------------------------------------


def test_the_college_as_addressee_fits_the_window_on_one_line(pdfs):
    texts = [line[0] for line in window_lines(pdfs["demo"])]
    assert texts == [
        "Aan het college van burgemeester en wethouders",
        "van de gemeente Zwolle",
        "Postbus 10007",
        "8000 GA Zwolle",
    ]


@pytest.mark.parametrize("key", ["filled", "partial"])
def test_a_long_addressee_wraps_where_it_is_read_not_before_a_lone_word(pdfs, key):
    texts = [line[0] for line in window_lines(pdfs[key])]
    assert texts[-4:] == [
        "Het college van burgemeester en wethouders",
        "van de gemeente Zwolle",
        "Postbus 10007",
        "8000 GA ZWOLLE",
    ]
    assert "wethouders" not in texts


def test_an_address_line_too_long_for_a_narrow_window_wraps_between_groups(pdfs):
    texts = [line[0] for line in window_lines(pdfs["narrow"], NARROW)]
    # "en" stays with "wethouders", so neither ends up alone on a line.
    assert texts == [
        "Aan het college van burgemeester",
        "en wethouders",
        "van de gemeente Zwolle",
        "Postbus 10007",
        "8000 GA Zwolle",
    ]


def test_postcode_and_town_keep_the_two_spaces_postnl_asks_for(pdfs):
    first_page = extract_text(io.BytesIO(pdfs["filled"]), page_numbers=[0])
    assert re.search(r"\n8000 GA\s{2}ZWOLLE\n", first_page)


# -- letterhead, return address, contact person ----------------------------------------------------


def test_with_everything_filled_in_the_letter_shows_return_address_and_contact(pdfs):
    lines = window_lines(pdfs["filled"])
    # The return address: one line at the top of the window, above the addressee.
    assert lines[0][0] == f"{COUNCIL}, Postbus 99, 1234 ZZ Testdorp"
    first_page = page_texts(pdfs["filled"])[0]
    for expected in [
        "Postbus 99 1234 ZZ Testdorp",
        "Bezoekadres Teststraat 1 1234 AB Testdorp",
        COUNCIL_PHONE,
        COUNCIL_EMAIL,
        "Contactpersoon Sem Secretaris, 012 345 67 80, secretariaat@example.org",
    ]:
        assert expected in first_page, expected


def test_without_address_or_contact_the_letter_leaves_them_out_without_empty_labels(pdfs):
    texts = [line[0] for line in window_lines(pdfs["demo"])]
    assert texts[0] == "Aan het college van burgemeester en wethouders"  # no return line
    first_page = page_texts(pdfs["demo"])[0]
    for absent in ["Contactpersoon", "Contact", "Bezoekadres", "Postbus 99", "@"]:
        assert absent not in first_page, absent
    # Nothing in the letterhead's right-hand column.
    assert not [line for line in text_lines(pdfs["demo"], 0) if line[2] < 45 and line[1] > 110]
    # The reference block still has its date and reference, and nothing after them.
    assert "Datum 17 juni 2022 Ons kenmerk PR-2022-" in first_page


def test_a_visiting_address_alone_is_the_return_address_and_an_email_alone_is_contact(pdfs):
    lines = window_lines(pdfs["partial"])
    assert lines[0][0] == f"{COUNCIL}, Teststraat 1, 1234 AB Testdorp"
    first_page = page_texts(pdfs["partial"])[0]
    assert "Contact secretariaat@example.org" in first_page
    assert "Contactpersoon" not in first_page


# -- pages full up to the last ---------------------------------------------------------------------


def test_long_sections_break_so_no_page_but_the_last_is_a_quarter_empty(pdfs):
    pdf = pdfs["long sections"]
    assert page_count(pdf) >= 3
    for page in every_page_but_the_last(pdf):
        assert blank_at_the_foot(pdf, page) <= TEXT_HEIGHT / 4, page


def test_the_demo_letter_leaves_no_more_blank_than_a_heading_with_its_first_lines(pdfs):
    pdf = pdfs["demo"]
    assert page_count(pdf) >= 4
    for page in every_page_but_the_last(pdf):
        assert blank_at_the_foot(pdf, page) <= HEADING_WITH_FIRST_LINES, page


def test_no_page_ends_with_a_heading_and_a_heading_has_its_first_lines_below_it(pdfs):
    pdf = pdfs["demo"]
    headings = {rec.heading for rec in LETTER_2022.recommendations}
    for page in range(page_count(pdf)):
        texts = [line[0] for line in body_lines(pdf, page)]
        for position, text in enumerate(texts):
            if text in headings:
                # The number of the recommendation, then at least three lines of its text.
                assert len(texts) - position > 3, (page, text)


def test_the_letter_stays_tagged_with_its_language_and_title(pdfs):
    reader = PdfReader(io.BytesIO(pdfs["demo"]))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert reader.metadata.title.endswith("Sterke sociale basis")
