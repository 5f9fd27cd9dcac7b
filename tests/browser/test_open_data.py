"""The "Open data" page in a real browser: axe-core finds no accessibility violation, it
reflows on a narrow screen, and its download links give files that parse.
"""

import csv
import io
import json

import pytest

from advices.pages import AdviceIndexPage
from home.models import CouncilSettings
from tests.advices.tracker_data import build_tracker_data
from tests.browser.loading import open_url
from tests.factories import build_site

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread, so the data must be committed; see
    # tests/browser/test_public_pages.py for why serialized_rollback is needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# 1280 x 1024 CSS pixels at 400% zoom (WCAG 1.4.10 Reflow).
ZOOMED_VIEWPORT = {"width": 320, "height": 256}


@pytest.fixture
def site(live_server):
    home, _meetings = build_site("Participatieraad Zwolle")
    council = CouncilSettings.for_site(home.get_site())
    council.name = "Participatieraad Zwolle"
    council.email = "participatieraad@example.org"
    council.tooi_publisher = "gm0193"  # the Woo index's section lists its files (issue 14)
    council.save()
    home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    build_tracker_data()
    return home


def test_axe_finds_no_violations(page, live_server, site, assert_accessible):
    assert_accessible(open_url(page, live_server, "/open-data/"))


def test_reflows_without_horizontal_scrolling(new_context, live_server, site):
    page = open_url(new_context(viewport=ZOOMED_VIEWPORT).new_page(), live_server, "/open-data/")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"the page scrolls {overflow}px sideways at 320px wide"


def test_headings_are_in_order(page, live_server, site):
    open_url(page, live_server, "/open-data/")
    levels = page.evaluate(
        """() => [...document.querySelectorAll("main h1, main h2, main h3, main h4")]
            .map((h) => Number(h.tagName[1]))"""
    )
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_download_links_give_files_that_parse(page, live_server, site):
    open_url(page, live_server, "/open-data/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Alle aanbevelingen als CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("aanbevelingen-")
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "aanbeveling" and len(rows) == 1 + 9

    response = page.request.get(live_server.url + "/open-data/aanbevelingen.json")
    assert response.ok
    document = json.load(io.BytesIO(response.body()))
    assert document["aantal"] == 9
