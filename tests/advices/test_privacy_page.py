"""The privacy page's block states the terms of following by email from the settings, so it
stays true when a setting changes; its link leads to the page that mails an address's data."""

import re

import pytest
from django.utils.html import strip_tags

from tests.factories import add_standard_page


@pytest.fixture
def privacy_page(site_tree):
    home, _index = site_tree
    return add_standard_page(
        home,
        "Privacy",
        slug="privacy",
        show_in_menus=False,
        body=[("privacy_statement", None)],
    )


def text_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    return html, re.sub(r"\s+", " ", strip_tags(html))


def test_the_block_states_the_default_terms(client, privacy_page):
    html, text = text_of(client, privacy_page)
    assert "Volgen per e-mail" in text
    assert "Die link werkt 7 dagen." in text
    assert "Dan wissen wij uw aanmelding binnen een dag daarna." in text
    assert "Meldt u zich af, dan wissen wij uw e-mailadres meteen." in text
    assert "hoogstens 5 van deze e-mails per 1 uur naar hetzelfde adres" in text
    assert 'href="/volgen/mijn-gegevens/"' in html
    # Its heading fits under the page's title.
    assert re.search(r'<h2 class="utrecht-heading-2" id="privacy-following-heading">', html)


def test_the_block_follows_the_settings(client, settings, privacy_page):
    settings.ADVICES_FOLLOW_CONFIRM_DAYS = 14
    settings.ADVICES_FOLLOW_MAILS_PER_ADDRESS = 3
    settings.ADVICES_FOLLOW_REPEAT_WINDOW = 2 * 3600
    _html, text = text_of(client, privacy_page)
    assert "Die link werkt 14 dagen." in text
    assert "hoogstens 3 van deze e-mails per 2 uur naar hetzelfde adres" in text
    assert "7 dagen" not in text


def test_the_link_leads_to_the_data_request(client, privacy_page):
    html, _text = text_of(client, privacy_page)
    link = re.search(r'href="(/volgen/mijn-gegevens/)"', html).group(1)
    assert "Welke gegevens bewaren wij over u?" in client.get(link).content.decode()
