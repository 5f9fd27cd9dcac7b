"""The settings pages ask for what the letters print, and say where it is printed (issue 12)."""

import html

import pytest

from advices.models import LetterSettings
from home.models import CouncilSettings

# What advices/pdf/render.py and templates/advices/pdf/letter.html print of each setting.
COUNCIL_ON_LETTERS = [
    "name",
    "municipality",
    "logo",
    "postal_address",
    "visiting_address",
    "email",
    "phone",
]
CONTACT_ON_LETTERS = ["contact_name", "contact_email", "contact_phone"]


def help_text(model, name):
    return str(model._meta.get_field(name).help_text)


@pytest.mark.parametrize(
    ("model", "name"),
    [(CouncilSettings, name) for name in COUNCIL_ON_LETTERS]
    + [(LetterSettings, name) for name in CONTACT_ON_LETTERS],
)
def test_every_setting_a_letter_prints_says_where_on_the_letter(model, name):
    assert "Op brieven:" in help_text(model, name), name


def test_the_secretariat_sees_on_the_council_page_what_letters_use(client, secretary, site_tree):
    home, _index = site_tree
    client.force_login(secretary)
    response = client.get(f"/admin/settings/home/councilsettings/{home.get_site().pk}/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    for name in COUNCIL_ON_LETTERS:
        assert help_text(CouncilSettings, name) in page, name
    # The panel asks for the address and points to where the contact person is set.
    assert "Vul ze in: een brief zonder adres heeft geen retouradres." in page
    assert "De contactpersoon op brieven (naam, telefoon en e-mail)" in page


def test_the_letter_layout_page_asks_for_the_contact_person(client, secretary, site_tree):
    home, _index = site_tree
    client.force_login(secretary)
    response = client.get(f"/admin/settings/advices/lettersettings/{home.get_site().pk}/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Contactpersoon op brieven" in page
    for name in CONTACT_ON_LETTERS:
        assert help_text(LetterSettings, name) in page, name
    assert "Leeg: geen contactpersoon op de brief." in page
    assert "past 'Aan het college van burgemeester en wethouders' op één regel" in page
