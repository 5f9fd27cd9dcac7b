"""The contact page and the accessibility statement in a real browser, with the demo content:
axe-core finds no violation, the text reflows at 320 px (400% zoom), both work without
JavaScript, the statement's "neem contact op" leads to the contact page, and the icon loads."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import AccessibilityStatement, CouncilSettings
from tests.browser.loading import open_url

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread: the demo data must be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ZOOMED_VIEWPORT = {"width": 320, "height": 256}
CONTACT = "/contact/"
STATEMENT = "/toegankelijkheid/"


@pytest.fixture
def demo(live_server):
    call_command("load_demo", "--no-accounts", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def filled_in(demo):
    """The council's contact details and a statement in the register, as a secretary sets them."""
    council = CouncilSettings.for_site(demo)
    council.email = "secretariaat@participatieraad.example"
    council.phone = "038 000 00 00"
    council.postal_address = "Postbus 10000\n8000 GA Zwolle"
    council.visiting_address = "Voorbeeldstraat 1\n8011 AA Zwolle"
    council.save()
    statement = AccessibilityStatement.for_site(demo)
    statement.register_url = "https://www.toegankelijkheidsverklaring.nl/register/1"
    statement.save()
    return demo


def wide_elements(page):
    return page.evaluate(
        """() => {
            const limit = window.innerWidth + 1;
            return {
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: window.innerWidth,
                wide: [...document.body.querySelectorAll("*")]
                    .filter((el) => el.getBoundingClientRect().right > limit)
                    .slice(0, 5).map((el) => el.outerHTML.slice(0, 120)),
            };
        }"""
    )


@pytest.mark.parametrize("path", [CONTACT, STATEMENT])
def test_axe_finds_no_violations_with_the_demo_settings(
    page, live_server, demo, path, assert_accessible
):
    assert_accessible(open_url(page, live_server, path))


@pytest.mark.parametrize("path", [CONTACT, STATEMENT])
def test_axe_finds_no_violations_with_contact_details_and_label(
    page, live_server, filled_in, path, assert_accessible
):
    opened = open_url(page, live_server, path)
    assert opened.locator("main a[href^='mailto:']").count() == 1
    assert_accessible(opened)


@pytest.mark.parametrize("path", [CONTACT, STATEMENT])
def test_no_horizontal_scrolling_at_400_percent_zoom(new_context, live_server, filled_in, path):
    page = open_url(new_context(viewport=ZOOMED_VIEWPORT).new_page(), live_server, path)
    widths = wide_elements(page)
    assert widths["scrollWidth"] <= widths["innerWidth"] + 1, widths


def test_statement_leads_to_the_contact_page_without_javascript(new_context, live_server, demo):
    page = open_url(new_context(java_script_enabled=False).new_page(), live_server, STATEMENT)
    assert page.locator("main h1").inner_text() == "Toegankelijkheidsverklaring"
    assert "C – eerste maatregelen genomen" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Neem contact op met het secretariaat").click()
    assert page.url == live_server.url + CONTACT
    assert page.locator("main h1").inner_text() == "Contact"


def test_the_footer_links_to_the_contact_page(page, live_server, demo):
    open_url(page, live_server, "/")
    with page.expect_navigation():
        page.locator("footer").get_by_role("link", name="Contact").click()
    assert page.url == live_server.url + CONTACT


def test_the_icon_loads(page, live_server, demo):
    open_url(page, live_server, "/")
    for selector in ("link[rel='icon'][href$='.ico']", "link[rel='icon'][type='image/svg+xml']"):
        href = page.locator(selector).get_attribute("href")
        response = page.request.get(live_server.url + href)
        assert response.ok, href
    assert page.request.get(live_server.url + "/favicon.ico").ok
