"""The site search's results page in a real browser: axe-core finds no accessibility
violation, the header's search box leads there without JavaScript, the kinds can be
chosen, and nothing scrolls sideways at 400% zoom."""

import pytest

from advices.models import LetterStatus
from advices.pages import AdviceIndexPage, RecommendationIndexPage
from tests.browser.loading import open_url
from tests.factories import add_meeting, build_site, make_letter

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread: the data must be committed (see
    # tests/browser/test_public_pages.py for serialized_rollback).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ZOOMED_VIEWPORT = {"width": 320, "height": 256}


@pytest.fixture
def site(live_server):
    home, meetings = build_site("Participatieraad Zwolle")
    home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    home.add_child(instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen"))
    add_meeting(meetings, "Ontmoeting in het Buurtcafé", summary="Over het buurtcafé.")
    make_letter(
        subject="Ontmoeten in de wijk",
        recommendations=[
            {"heading": "Ontmoeting", "context": "", "advice": f"Open buurtcafé nummer {n}."}
            for n in range(12)
        ],
        status=LetterStatus.SENT,
    )
    return home


@pytest.mark.parametrize(
    "query",
    ["?q=buurtcafe", "?q=buurtcafe&soort=aanbevelingen&pagina=2", "?q=bestaatniet", "?q=x&soort=?"],
)
def test_axe_finds_no_violations(page, live_server, site, assert_accessible, query):
    assert_accessible(open_url(page, live_server, "/zoeken/" + query))


def test_search_from_the_header_without_javascript(new_context, live_server, site):
    page = open_url(new_context(java_script_enabled=False).new_page(), live_server, "/")
    page.get_by_label("Zoeken op deze website").fill("BUURTCAFE")
    with page.expect_navigation():
        page.get_by_label("Zoeken op deze website").press("Enter")
    # Ten a page, one kind after another: the report follows on page 2.
    assert page.locator("main h3").all_inner_texts() == ["Aanbevelingen (12)"]
    assert page.get_by_text("Status: Wacht op reactie").count() == 10
    with page.expect_navigation():
        page.get_by_role("link", name="Volgende pagina").click()
    assert page.locator("main h3").all_inner_texts() == ["Aanbevelingen (12)", "Verslagen (1)"]
    with page.expect_navigation():
        page.get_by_role("link", name="Verslagen (1)").click()
    assert page.locator("main h3").all_inner_texts() == ["Verslagen (1)"]
    assert "soort=verslagen" in page.url


def test_no_sideways_scrolling_at_400_percent_zoom(new_context, live_server, site):
    page = open_url(
        new_context(viewport=ZOOMED_VIEWPORT).new_page(), live_server, "/zoeken/?q=buurtcafe"
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
