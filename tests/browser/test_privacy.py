"""The privacy page's terms of following by email and the page that mails an address what is
stored about it, in a real browser: no axe-core violations, without JavaScript, at 320 px."""

import re

import pytest
from django.core import mail

from tests.browser.loading import open_url
from tests.factories import add_standard_page, build_site

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread, so the data must be committed; see
    # tests/browser/test_public_pages.py for why serialized_rollback is needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 640}


@pytest.fixture
def privacy_page(live_server):
    home, _meetings = build_site("Participatieraad Zwolle")
    return add_standard_page(
        home, "Privacy", slug="privacy", show_in_menus=False, body=[("privacy_statement", None)]
    )


def no_sideways_scroll(page):
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"] + 1, f"{page.url}: {widths}"


def test_ask_for_my_data_from_the_privacy_page(
    new_context, live_server, privacy_page, assert_accessible
):
    page = new_context(viewport=NARROW).new_page()
    open_url(page, live_server, privacy_page.url)
    assert "Die link werkt 7 dagen." in page.locator("main").inner_text()
    assert_accessible(page)
    no_sideways_scroll(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Vraag uw gegevens op").click()
    assert page.locator("h1").inner_text() == "Welke gegevens bewaren wij over u?"
    assert_accessible(page)
    no_sideways_scroll(page)

    page.get_by_label("Uw e-mailadres").fill("inwoner@example.nl")
    with page.expect_navigation():
        page.get_by_role("button", name="Stuur mij mijn gegevens").click()
    assert page.locator("h1").inner_text() == "Kijk in uw mailbox"
    assert_accessible(page)
    no_sideways_scroll(page)
    (message,) = mail.outbox
    assert message.to == ["inwoner@example.nl"]
    assert re.search(r"Wij bewaren geen gegevens over dit e-mailadres", message.body)


def test_it_works_without_javascript(new_context, live_server, privacy_page):
    # No axe and no evaluate here: both need JavaScript in the page.
    page = new_context(viewport=NARROW, java_script_enabled=False).new_page()
    open_url(page, live_server, privacy_page.url)
    with page.expect_navigation():
        page.get_by_role("link", name="Vraag uw gegevens op").click()
    page.get_by_label("Uw e-mailadres").fill("inwoner@example.nl")
    with page.expect_navigation():
        page.get_by_role("button", name="Stuur mij mijn gegevens").click()
    assert page.locator("h1").inner_text() == "Kijk in uw mailbox"
    assert [message.to for message in mail.outbox] == [["inwoner@example.nl"]]


def test_a_bad_address_is_explained_in_place(page, live_server, privacy_page, assert_accessible):
    open_url(page, live_server, "/volgen/mijn-gegevens/")
    page.get_by_label("Uw e-mailadres").fill("inwoner@")
    # The browser's own check would stop the form: test the site's answer.
    page.locator('form[method="post"]').evaluate("form => form.noValidate = true")
    with page.expect_navigation():
        page.get_by_role("button", name="Stuur mij mijn gegevens").click()
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in page.locator("main").inner_text()
    assert page.get_by_label("Uw e-mailadres").input_value() == "inwoner@"
    assert_accessible(page)
