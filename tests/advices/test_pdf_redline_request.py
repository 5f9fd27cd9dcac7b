"""A letter whose request changed between versions: gevraagd or ongevraagd advies is derived from
the request it answers (``letter.request_id``), and the versions page, the compare page and
the redline PDF show that change (``advices.pdf.redline._kind_label``)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from advices.models import AdviceKind, AdviceLetter, AdviceRequest
from advices.queries.versions import letter_versions
from tests.advices.admin_forms import letter_form_data
from tests.factories import AdviceRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.real_pdf]


def url(name, *args):
    return reverse(f"wagtailsnippets_advices_adviceletter:{name}", args=args)


def post_letter(client, path, data):
    response = client.post(path, data)
    assert response.status_code == 302, response.context["form"].errors


@pytest.fixture
def letter(client, member, site_tree):
    """Four versions: ongevraagd, answering AV-2022-01, answering AV-2022-02, ongevraagd."""
    first = AdviceRequestFactory(reference="AV-2022-01")
    second = AdviceRequestFactory(reference="AV-2022-02")
    client.force_login(member)
    post_letter(client, url("add"), letter_form_data(recommendations=[{"advice": "Eerste."}]))
    letter = AdviceLetter.objects.get()
    for request in (first, second, None):
        letter.refresh_from_db()
        data = letter_form_data(letter)
        data["request"] = request.pk if request else ""
        post_letter(client, url("edit", letter.pk), data)
    letter.refresh_from_db()
    return letter


def kind_row(response):
    """The compare page's "Soort advies" value, as HTML."""
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index("Soort advies</dt><dd>")
    return html[start : html.index("</dd>", start)]


def test_each_version_keeps_the_request_it_answered(letter):
    first, second = AdviceRequest.objects.order_by("reference")
    assert [version.fields["request_id"] for version in letter_versions(letter)] == [
        None,
        first.pk,
        second.pk,
        None,
    ]
    assert letter.kind == AdviceKind.UNREQUESTED


def test_versions_and_compare_pages_show_the_change_of_request(client, letter):
    assert client.get(url("versions", letter.pk)).status_code == 200

    html = kind_row(client.get(url("compare", letter.pk), {"a": 1, "b": 2}))
    assert "[verwijderd: </span>Ongevraagd" in html
    assert "[ingevoegd: </span>Gevraagd" in html and "(AV-2022-01)" in html

    # From one request to another: the number changes.
    html = kind_row(client.get(url("compare", letter.pk), {"a": 2, "b": 3}))
    assert html.startswith("Soort advies</dt><dd>Gevraagd advies (AV-2022-<del>")
    assert "[verwijderd: </span>01" in html and "[ingevoegd: </span>02" in html

    # And back to ongevraagd.
    html = kind_row(client.get(url("compare", letter.pk), {"a": 3, "b": 4}))
    assert "[ingevoegd: </span>Ongevraagd" in html and "AV-2022-02" in html


def test_the_redline_pdf_of_a_change_of_request_renders(client, letter):
    response = client.get(url("pdf_preview", letter.pk, 3), {"vergelijk": 1})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    # Struck through, then underlined: "Ongevraagd" became "Gevraagd", with the number.
    assert "Soort advies" in text
    assert "Ongevraagd Gevraagd advies (AV-2022-02)" in text
