"""The annual report pages in a real browser: axe-core finds no accessibility violation on
the "Jaarverslagen" page and on a report (wide and at 320 px), the report is read without
JavaScript, and at 320 px nothing but the tables' own scroll regions is wider than the screen."""

import pytest

from home.models import CouncilSettings
from tests.annual.dataset import YEAR, build_year
from tests.browser.loading import open_url
from tests.factories import AnnualReportFactory, AnnualReportIndexPageFactory

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread: the data must be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 800}


@pytest.fixture
def reports(live_server):
    year = build_year()
    council = CouncilSettings.for_site(year["home"].get_site())
    council.name = "Participatieraad Testdorp"
    council.save()
    AnnualReportIndexPageFactory(parent=year["home"], intro="Wat deed de raad elk jaar?")
    AnnualReportFactory(
        year=YEAR, published=True, foreword="<p>Een jaar vol <b>gesprekken</b>.</p>"
    )
    return {"index": "/jaarverslagen/", "report": f"/jaarverslagen/{YEAR}/"}


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
@pytest.mark.parametrize("name", ["index", "report"])
def test_axe_finds_no_violations(
    new_context, live_server, reports, assert_accessible, name, viewport
):
    page = new_context(viewport=viewport).new_page()
    assert_accessible(open_url(page, live_server, reports[name]))


def test_a_reader_without_javascript_opens_a_report_at_320_px(new_context, live_server, reports):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    open_url(page, live_server, reports["index"])
    with page.expect_navigation():
        page.get_by_role("link", name=f"Jaarverslag {YEAR}").click()
    assert page.locator("main h1").inner_text() == f"Jaarverslag {YEAR}"
    assert page.get_by_role(
        "table", name=f"Aanbevelingen uit {YEAR} per standpunt van het college"
    ).is_visible()
    assert page.get_by_role("link", name="PR-2022-01 Sterke sociale basis").count() == 1
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= PHONE["width"], overflow
