"""The contact page (from the council's settings), the accessibility statement in the official
Dutch model (a site setting shown by a stream block) and the site's icon."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from home.models import AccessibilityStatement, CouncilSettings
from tests.factories import add_standard_page


@pytest.fixture
def council(site_tree):
    site = Site.objects.get(is_default_site=True)
    settings = CouncilSettings.for_site(site)
    settings.name = "Participatieraad Testdorp"
    settings.save()
    return settings


def statement_for(site_tree, **values):
    statement = AccessibilityStatement.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(statement, name, value)
    statement.full_clean()
    statement.save()
    return statement


def statement_html(client, site_tree):
    """The page of a standard page holding the statement block."""
    home, _index = site_tree
    page = add_standard_page(
        home,
        "Toegankelijkheidsverklaring",
        slug="toegankelijkheid",
        show_in_menus=False,
        body=[("accessibility_statement", None)],
    )
    return client.get(page.url).content.decode()


# -- contact -----------------------------------------------------------------------------


def test_contact_page_shows_the_councils_details(client, council, django_assert_max_num_queries):
    council.email = "secretariaat@testdorp.nl"
    council.phone = "038 123 45 67"
    council.postal_address = "Postbus 1\n8000 AA Testdorp"
    council.visiting_address = "Markt 1, Testdorp"
    council.save()
    with django_assert_max_num_queries(8):
        response = client.get("/contact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and ">Contact</h1>" in html
    assert 'href="mailto:secretariaat@testdorp.nl"' in html
    assert 'href="tel:0381234567"' in html
    assert "Postbus 1<br>8000 AA Testdorp" in html
    assert "Markt 1, Testdorp" in html
    assert "nog geen contactgegevens" not in html


def test_contact_page_without_details_says_so_and_invents_nothing(client, council):
    html = client.get("/contact/").content.decode()
    assert (
        "Sorry, Participatieraad Testdorp heeft nog geen contactgegevens op deze website gezet."
        in html
    )
    assert "mailto:" not in html and "tel:" not in html


def test_every_page_links_to_the_contact_page_in_its_footer(client, council):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert '<a href="/contact/">Contact</a>' in footer


def test_contact_page_refuses_posts(client, council):
    assert client.post("/contact/").status_code == 405


# -- the accessibility statement ------------------------------------------------------------


def test_statement_shows_status_last_check_label_and_how_to_report(client, council, site_tree):
    label = io.BytesIO()
    PILImage.new("RGB", (120, 40), "navy").save(label, "PNG")
    image = Image.objects.create(title="Label", file=ImageFile(label, name="label.png"))
    statement_for(
        site_tree,
        status="B",
        last_checked_on=datetime.date(2022, 6, 17),
        report_url="https://testdorp.nl/onderzoek.pdf",
        register_url="https://www.toegankelijkheidsverklaring.nl/register/1234",
        label_image=image,
    )
    html = statement_html(client, site_tree)
    assert "B – voldoet gedeeltelijk" in html
    assert "17 juni 2022" in html
    assert 'href="https://testdorp.nl/onderzoek.pdf"' in html
    assert 'href="https://www.toegankelijkheidsverklaring.nl/register/1234"' in html
    assert 'alt="Toegankelijkheidsverklaring: status B – voldoet gedeeltelijk"' in html
    # "Neem contact op met het secretariaat" is a link to the contact page.
    assert (
        '<a class="utrecht-link" href="/contact/">Neem contact op met het secretariaat</a>' in html
    )


def test_statement_without_settings_says_what_is_not_known_yet(client, council, site_tree):
    html = statement_html(client, site_tree)
    assert "Nog niet vastgesteld" in html
    assert "De hele website is nog niet onderzocht." in html
    assert "staat nog niet in het register" in html
    assert "nog geen contactgegevens" in html


def test_statement_label_without_an_image_is_text_linking_to_the_register(
    client, council, site_tree
):
    statement_for(
        site_tree,
        status="C",
        register_url="https://www.toegankelijkheidsverklaring.nl/register/1234",
    )
    html = statement_html(client, site_tree)
    assert (
        'href="https://www.toegankelijkheidsverklaring.nl/register/1234">'
        "Toegankelijkheidsverklaring: status C – eerste maatregelen genomen</a>"
    ) in html


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"status": "A"}, "last_checked_on", "Bij status A of B hoort een volledig onderzoek"),
        ({"status": "B"}, "last_checked_on", "Bij status A of B hoort een volledig onderzoek"),
        (
            {"last_checked_on": datetime.date.today() + datetime.timedelta(days=2)},
            "last_checked_on",
            "Deze datum ligt in de toekomst",
        ),
    ],
)
def test_statement_settings_refuse_what_the_model_does_not_allow(site_tree, values, field, message):
    with pytest.raises(ValidationError) as refused:
        statement_for(site_tree, **values)
    assert message in " ".join(refused.value.message_dict[field])


def test_secretariat_edits_the_statement_in_the_settings(client, site_tree, django_user_model):
    from tests.factories import SecretaryFactory

    client.force_login(SecretaryFactory())
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/home/accessibilitystatement/{site.pk}/"
    response = client.post(
        url,
        {"status": "A", "last_checked_on": "", "report_url": "", "register_url": ""},
    )
    assert response.status_code == 200  # refused, form shown again with the reason
    assert "Bij status A of B hoort een volledig onderzoek" in response.content.decode()
    response = client.post(
        url,
        {"status": "A", "last_checked_on": "2022-06-17", "report_url": "", "register_url": ""},
    )
    assert response.status_code == 302
    assert AccessibilityStatement.for_site(site).status == "A"


# -- the icon ------------------------------------------------------------------------------


def test_favicon_is_served(client, site_tree):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_every_page_names_its_icon(client, site_tree):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/icons/favicon.ico"' in html
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in html
