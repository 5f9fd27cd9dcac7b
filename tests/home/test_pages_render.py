"""Every public page type renders with its content, in Dutch and with accessible markup."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from home.models import MeetingParticipantGroup
from tests.factories import ThemeFactory, add_meeting, add_standard_page


@pytest.fixture
def image(db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    return Image.objects.create(title="Zaal", file=ImageFile(buffer, name="zaal.png"))


@pytest.fixture
def document(db):
    return Document.objects.create(
        title="Presentatie visie", file=ContentFile(b"%PDF-1.4 test", name="visie.pdf")
    )


def every_block(image, document):
    return [
        ("heading", {"text": "Inwoners centraal", "level": "h2"}),
        ("paragraph", "<p>Herstel van het gewone leven, in het gewone leven.</p>"),
        ("heading", {"text": "Observaties", "level": "h3"}),
        ("quotes", {"heading": "Uitspraken van deelnemers", "quotes": ["Eerst je eigen toko."]}),
        (
            "four_vs",
            {
                "intro": "De vier V's",
                "hold": ["Huiskamers in het voorveld"],
                "strengthen": [],
                "renew": ["Inloophuizen"],
                "leave": ["Onnodige regels"],
            },
        ),
        (
            "key_figures",
            {"heading": "In cijfers", "figures": [{"figure": "80", "label": "deelnemers"}]},
        ),
        ("image", {"image": image, "alt_text": "Deelnemers aan tafels", "caption": "De zaal"}),
        ("document", {"document": document, "title": ""}),
        ("call_out", {"heading": "Kernvraag", "text": "<p>Hoe organiseer ik mijn leven?</p>"}),
    ]


def test_standard_page_renders_every_block(client, site_tree, image, document):
    home, index = site_tree
    page = add_standard_page(home, "Over de raad", body=every_block(image, document))
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        '<h2 class="utrecht-heading-2 block-heading">Inwoners centraal</h2>',
        "Herstel van het gewone leven",
        '<h3 class="utrecht-heading-3 block-heading">Observaties</h3>',
        "<blockquote",
        "Eerst je eigen toko.",
        '<h3 class="utrecht-heading-3">Vasthouden</h3>',
        '<h3 class="utrecht-heading-3">Vernieuwen</h3>',
        '<h3 class="utrecht-heading-3">Verlaten</h3>',
        'alt="Deelnemers aan tafels"',
        "<figcaption",
        "Presentatie visie",
        "(PDF",
        "Hoe organiseer ik mijn leven?",
    ]:
        assert text in html, text
    # An empty V is left out rather than shown as an empty list.
    assert ">Versterken</h3>" not in html


def test_meeting_page_shows_its_facts(client, site_tree):
    home, index = site_tree
    theme = ThemeFactory(name="Ouderen", slug="ouderen")
    meeting = add_meeting(
        index,
        "Samenspel in het sociaal domein",
        datetime.date(2019, 4, 23),
        themes=[theme],
        start_time=datetime.time(13, 30),
        end_time=datetime.time(17, 0),
        location="Stadshuis Zwolle",
        participant_count=80,
        participant_count_qualifier="ruim",
        summary="Ruim 80 deelnemers in 3 rondes.",
    )
    MeetingParticipantGroup.objects.create(
        page=meeting, name="Vrijwilligers", description="maatje, buddy, begeleider", sort_order=0
    )
    html = client.get(meeting.url).content.decode()
    for text in [
        '<h1 class="utrecht-heading-1">Samenspel in het sociaal domein</h1>',
        "Veldbijeenkomst",
        "dinsdag 23 april 2019",
        "13:30 tot 17:00 uur",
        "Stadshuis Zwolle",
        "ruim 80",
        "Ouderen",
        "Vrijwilligers",
        "maatje, buddy, begeleider",
        'lang="nl"',
        'href="#inhoud"',
        '<main id="inhoud"',
        'aria-label="Kruimelpad"',
    ]:
        assert text in html, text


def test_home_page_shows_latest_meetings_and_menu(client, site_tree):
    home, index = site_tree
    for day in range(1, 6):
        add_meeting(index, f"Tafel {day}", datetime.date(2022, 6, day))
    index.show_in_menus = True
    index.save_revision().publish()
    add_standard_page(home, "Privacy")
    response = client.get(home.url)
    html = response.content.decode()
    assert [meeting.title for meeting in response.context["latest_meetings"]] == [
        "Tafel 5",
        "Tafel 4",
        "Tafel 3",
    ]
    assert 'aria-label="Hoofdmenu"' in html
    assert 'href="/bijeenkomsten/"' in html.split("Hoofdmenu")[1].split("</nav>")[0]
    footer = html.split("<footer")[1]
    assert "Privacy" in footer


def test_unknown_url_gives_a_dutch_404(client, site_tree):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()
