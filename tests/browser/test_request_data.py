"""Issue 13's figures and open data in a real browser: the tracker and the home page with the
timeliness table, and the Open data page with the requests' columns: axe-core finds no
violation, and nothing scrolls sideways at 320 px (the wide table scrolls in its own region).
"""

import pytest

from advices.pages.request_index import AdviceRequestIndexPage
from tests.advices.request_world import build_request_world
from tests.browser.loading import open_url
from tests.browser.tracker_site import build_tracker_site

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread, so the data must be committed; see
    # tests/browser/test_public_pages.py for why serialized_rollback is needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ZOOMED_VIEWPORT = {"width": 320, "height": 256}


@pytest.fixture
def site(live_server):
    home, _index, tracker = build_tracker_site()
    home.add_child(instance=AdviceRequestIndexPage(title="Adviesaanvragen", slug="adviesaanvragen"))
    build_request_world()
    return {"home": home.url, "tracker": tracker.url, "open data": "/open-data/"}


@pytest.mark.parametrize("where", ["home", "tracker", "open data"])
def test_axe_finds_no_violations(page, live_server, site, assert_accessible, where):
    assert_accessible(open_url(page, live_server, site[where]))


def test_the_timeliness_table_is_on_the_tracker(page, live_server, site):
    open_url(page, live_server, site["tracker"])
    table = page.locator("table", has=page.locator("caption", has_text="Op tijd, per jaar"))
    assert table.is_visible()
    assert table.locator("th[scope=row]", has_text="2023").count() == 1


@pytest.mark.parametrize("where", ["tracker", "open data"])
def test_no_horizontal_scrolling_at_320_px(new_context, live_server, site, where):
    page = open_url(new_context(viewport=ZOOMED_VIEWPORT).new_page(), live_server, site[where])
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"the page scrolls {overflow}px sideways at 320px wide"
