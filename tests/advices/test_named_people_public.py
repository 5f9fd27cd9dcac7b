"""A name the secretariat chose to hide shows as its role on every public output: the pages,
the feeds, the CSV and JSON files and the API; the sent PDF stays as it was sent."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from advices.models import LetterStatus, SentLetterPdf
from advices.pages import AdviceRequestIndexPage
from home.models import NamedPerson
from home.named_people import forget
from tests.factories import AdviceRequestFactory, add_meeting, make_letter

NAME = "Jan de Vries"
ROLE = "de voorzitter"
ODS = "/api/open-raadsinformatie/v1/"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_list():
    """The list is kept per request (and thread); a test reads it anew, and leaves none."""
    forget()
    yield
    forget()


@pytest.fixture
def meeting(site_tree):
    _home, meetings = site_tree
    return add_meeting(
        meetings,
        title=f"Gesprek met {NAME}",
        slug="gesprek-met-de-voorzitter",
        summary=f"{NAME} opende de bijeenkomst.",
    )


def sent_letter(reference="PR-2022-07", **fields):
    return make_letter(
        status=LetterStatus.SENT,
        reference=reference,
        subject=f"Overleg met {NAME}",
        introduction=f"<p>Op 9 mei 2022 sprak de raad met {NAME}.</p>",
        signatory_name=NAME,
        recommendations=[
            {
                "heading": "Zorg dichtbij",
                "context": f"{NAME} legde uit waarom.",
                "advice": f"Wij adviseren u het plan met {NAME} te bespreken.",
            }
        ],
        **fields,
    )


@pytest.fixture
def letter(index):
    return sent_letter()


@pytest.fixture
def advice_request(site_tree):
    home, _meetings = site_tree
    requests = home.add_child(
        instance=AdviceRequestIndexPage(title="Adviesaanvragen", slug="adviesaanvragen")
    )
    found = AdviceRequestFactory(
        reference="AV-2022-01",
        subject=f"Plan van {NAME}",
        questions=f"Wat vindt de raad van het plan dat {NAME} schreef?",
        requester_name=NAME,
    )
    return requests, found


@pytest.fixture
def hidden(db):
    return NamedPerson.objects.create(name=NAME, role=ROLE)


def public_outputs(index, meeting, letter, advice_request):
    """Every public output that shows the letter, the meeting or the request: (what, URL)."""
    requests, found = advice_request
    return [
        ("request page", requests.request_url(found)),
        ("request list", requests.url),
        ("request feed", "/feeds/adviesaanvragen/"),
        ("request CSV", "/open-data/adviesaanvragen.csv"),
        ("request JSON", "/open-data/adviesaanvragen.json"),
        ("API: requests", "/api/v1/adviesaanvragen/"),
        ("API: request", f"/api/v1/adviesaanvragen/{found.reference}/"),
        ("meeting report", meeting.url),
        ("meeting list", meeting.get_parent().url),
        ("letter page", index.letter_url(letter)),
        ("recommendation page", index.recommendation_url(letter, 1)),
        ("advice list", index.url),
        ("RSS feed", "/feeds/adviezen/"),
        ("Atom feed", "/feeds/atom/adviezen/"),
        ("CSV", "/open-data/aanbevelingen.csv"),
        ("JSON", "/open-data/aanbevelingen.json"),
        ("API: letters", "/api/v1/adviezen/"),
        ("API: letter", f"/api/v1/adviezen/{letter.reference}/"),
        ("API: recommendations", "/api/v1/aanbevelingen/"),
        ("API: recommendation", f"/api/v1/aanbevelingen/{letter.reference}/1/"),
        ("ODS: information objects", ODS + "informatieobjecten"),
        ("ODS: the letter", ODS + f"informatieobjecten/advies-{letter.reference}"),
    ]


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def test_a_hidden_name_shows_as_its_role_on_every_public_output(
    client, index, meeting, letter, advice_request, hidden
):
    for what, url in public_outputs(index, meeting, letter, advice_request):
        text = body(client, url)
        assert NAME.lower() not in text.lower(), what
        assert ROLE in text.lower(), what


def test_the_api_signatory_and_texts_show_the_role(client, index, letter, hidden):
    detail = client.get(f"/api/v1/adviezen/{letter.reference}/").json()
    assert detail["ondertekend_door"] == "De voorzitter"
    assert detail["onderwerp"] == "Overleg met de voorzitter"
    assert detail["inleiding"] == "<p>Op 9 mei 2022 sprak de raad met de voorzitter.</p>"
    (recommendation,) = detail["aanbevelingen"]
    assert recommendation["advies"] == "Wij adviseren u het plan met de voorzitter te bespreken."
    assert recommendation["toelichting"] == "De voorzitter legde uit waarom."
    # Links are never rewritten.
    assert recommendation["url"].endswith(f"/{letter.reference}/aanbeveling/1/")


def test_the_ods_api_shows_the_role_and_keeps_its_links(client, index, letter, hidden):
    document = client.get(ODS + f"informatieobjecten/advies-{letter.reference}").json()
    assert NAME not in str(document)
    assert document["titel"] == f"Advies {letter.reference}: Overleg met {ROLE}"
    assert document["id"] == f"advies-{letter.reference}"
    assert document["link"].endswith(f"/{letter.reference}/pdf/")


def test_a_published_name_shows_everywhere(client, index, meeting, letter, advice_request, hidden):
    hidden.publish_name = True
    hidden.save()
    for what, url in public_outputs(index, meeting, letter, advice_request):
        assert NAME in body(client, url), what


def test_the_choice_shows_at_once_also_through_the_page_cache(client, settings, meeting):
    settings.PAGE_CACHE_SECONDS = 300
    assert NAME in body(client, meeting.url)
    assert NAME in body(client, meeting.url)  # served from the page cache
    NamedPerson.objects.create(name=NAME, role=ROLE)
    page = body(client, meeting.url)
    assert NAME not in page
    assert '<h1 class="utrecht-heading-1">Gesprek met de voorzitter</h1>' in page


@pytest.mark.real_pdf
def test_the_sent_pdf_keeps_the_name_as_sent(client, index, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    letter = sent_letter()
    NamedPerson.objects.create(name=NAME, role=ROLE)
    record = SentLetterPdf.objects.get(letter=letter)
    with record.file.storage.open(record.file.name, "rb") as stored:
        stored_bytes = stored.read()

    response = client.get(index.pdf_url(letter))

    assert response.status_code == 200
    served = b"".join(response.streaming_content)
    assert served == stored_bytes
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(served)).pages)
    assert NAME in " ".join(text.split())


def test_the_list_costs_one_query_however_long_it_is(client, index, meeting, hidden):
    """Any number of letters and listed names: the same queries for each output."""

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            body(client, url)
        return len(captured)

    sent_letter("PR-2022-01")
    urls = [
        meeting.url,
        index.url,
        "/feeds/adviezen/",
        "/open-data/aanbevelingen.csv",
        "/open-data/aanbevelingen.json",
        "/api/v1/adviezen/",
        "/api/v1/aanbevelingen/",
    ]
    for url in urls:
        body(client, url)  # the first visit creates the settings rows
    few = {url: queries(url) for url in urls}

    for number in range(2, 12):
        sent_letter(f"PR-2022-{number:02}")
    NamedPerson.objects.bulk_create(
        NamedPerson(name=f"Persoon {number}", role="een inwoner") for number in range(40)
    )
    many = {url: queries(url) for url in urls}
    assert many == few


def test_the_secretariat_keeps_the_list_and_a_new_name_is_hidden_unless_chosen(
    client, secretary, member
):
    client.force_login(secretary)
    response = client.post(
        "/admin/snippets/home/namedperson/add/", {"name": NAME, "role": ROLE}, follow=True
    )
    assert response.status_code == 200
    person = NamedPerson.objects.get()
    assert (person.name, person.role, person.publish_name) == (NAME, ROLE, False)

    again = client.post("/admin/snippets/home/namedperson/add/", {"name": NAME, "role": ROLE})
    assert "Deze naam staat al in de lijst" in again.content.decode()
    # The same name to the matching: refused too, with the name kept in the form.
    other_spelling = "JAN  DE VRIËS"
    again = client.post(
        "/admin/snippets/home/namedperson/add/", {"name": other_spelling, "role": ROLE}
    )
    assert again.status_code == 200
    assert "Deze naam staat al in de lijst, misschien met andere hoofdletters" in (
        again.content.decode()
    )
    assert f'value="{other_spelling}"' in again.content.decode()

    client.force_login(member)
    refused = client.get("/admin/snippets/home/namedperson/")
    assert refused.status_code in (302, 403)
    assert NamedPerson.objects.count() == 1
