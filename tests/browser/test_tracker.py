"""The tracker ("Aanbevelingen") and the dashboard in a real browser: axe-core finds no
accessibility violation, the filter form and the pages of a filtered list work without
JavaScript, headings are in order and nothing scrolls sideways at 400% zoom."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest

from advices.models import LetterStatus
from tests.browser.loading import open_url
from tests.browser.tracker_site import build_tracker_site
from tests.factories import AdviceLetterFactory, ThemeFactory

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread, so the data must be committed; see
    # tests/browser/test_public_pages.py for why serialized_rollback is needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(live_server):
    home, _index, tracker = build_tracker_site()
    return {"home": home.url, "tracker": tracker.url}


VIEWS = {
    "tracker": ("tracker", ""),
    "tracker, filtered": ("tracker", "?thema=jeugd&te-laat=ja&sortering=status"),
    "tracker, late for either reason": ("tracker", "?te-laat=ja"),
    "tracker, replied without a verdict": ("tracker", "?status=reactie-zonder-standpunt"),
    "tracker, searched": ("tracker", "?q=mantelzorgers"),
    "tracker, unknown values": ("tracker", "?status=bijna&jaar=abc&pagina=9"),
    "tracker, nothing found": ("tracker", "?q=bestaatniet"),
    "home page with the dashboard": ("home", ""),
}


@pytest.mark.parametrize("name", VIEWS)
def test_axe_finds_no_violations(page, live_server, site, assert_accessible, name):
    where, query = VIEWS[name]
    assert_accessible(open_url(page, live_server, site[where] + query))


def test_the_dashboard_is_there_with_chart_and_table(page, live_server, site):
    for where in ("home", "tracker"):
        open_url(page, live_server, site[where])
        dashboard = page.locator("#cijfers")
        assert dashboard.is_visible()
        chart = dashboard.locator("svg[role=img]")
        assert chart.is_visible()
        assert chart.get_attribute("aria-labelledby")
        assert dashboard.locator(
            "table caption", has_text="Overgenomen aanbevelingen per jaar"
        ).is_visible()
        assert dashboard.locator("text", has_text="2021: 75% (3 van 4)").count() == 1
        # No script anywhere in the dashboard.
        assert dashboard.locator("script").count() == 0


def test_the_filter_form_works_without_javascript(new_context, live_server, site):
    page = open_url(new_context(java_script_enabled=False).new_page(), live_server, site["tracker"])
    assert page.locator("main .listing__count").inner_text() == "9 aanbevelingen gevonden"
    form = page.locator("form.tracker-filter")
    form.get_by_label("Thema").select_option(label="Jeugd")
    form.get_by_label("Alleen te laat").check()
    with page.expect_navigation():
        form.get_by_role("button", name="Zoeken").click()
    query = parse_qs(urlparse(page.url).query)
    assert query["thema"] == ["jeugd"] and query["te-laat"] == ["ja"]
    assert page.locator("main .listing__count").inner_text() == "1 aanbeveling gevonden"
    assert page.locator(".tracker-item__label").inner_text() == "Aanbeveling 2021-01 / 2"
    # The choices stay chosen, so the reader can change one and search again.
    assert form.get_by_label("Thema").input_value() == "jeugd"
    assert form.get_by_label("Alleen te laat").is_checked()
    form.get_by_label("Zoeken", exact=True).fill("brieven")
    form.get_by_label("Alleen te laat").uncheck()
    with page.expect_navigation():
        form.get_by_role("button", name="Zoeken").click()
    assert page.locator("main .listing__count").inner_text() == "1 aanbeveling gevonden"
    # Following the item's link leads to its own page.
    with page.expect_navigation():
        page.locator(".tracker-item__label a").click()
    assert "/adviezen/PR-2021-01/aanbeveling/2/" in page.url


def test_late_says_what_it_covers_and_why_each_result_is_late(page, live_server, site):
    open_url(page, live_server, site["tracker"] + "?te-laat=ja")
    late = page.get_by_label("Alleen te laat (reactie of toezegging over de datum)")
    assert late.is_checked()
    # The help text is the checkbox's description for screen readers too.
    description = page.locator("#" + late.get_attribute("aria-describedby")).inner_text()
    assert "niet binnen de termijn op de brief" in description
    items = page.locator(".tracker-item")
    reasons = {
        item.locator(".tracker-item__label").inner_text(): item.locator(
            ".status-badge--late"
        ).all_inner_texts()
        for item in items.all()
    }
    assert reasons == {
        "Aanbeveling 2023-02 / 1": ["Reactie te laat"],
        "Aanbeveling 2023-02 / 2": ["Reactie te laat"],
        "Aanbeveling 2021-01 / 2": ["Toezegging te laat"],
    }


def test_pages_of_a_filtered_list_work_without_javascript(new_context, live_server, site):
    traffic = ThemeFactory(name="Verkeer", slug="verkeer")
    AdviceLetterFactory(
        reference="PR-2023-01",
        date=datetime.date(2023, 3, 1),
        subject="Veilig naar school",
        recommendations=25,
        themes=[traffic],
        status=LetterStatus.SENT,
    )
    page = open_url(new_context(java_script_enabled=False).new_page(), live_server, site["tracker"])
    form = page.locator("form.tracker-filter")
    form.get_by_label("Thema").select_option(label="Verkeer")
    with page.expect_navigation():
        form.get_by_role("button", name="Zoeken").click()
    assert page.locator("main .listing__count").inner_text() == "25 aanbevelingen gevonden"
    items = page.locator(".tracker-item__label")
    pagination = page.get_by_role("navigation", name="Paginering")
    assert pagination.locator(".pagination__status").inner_text() == "Pagina 1 van 2"
    first_page = items.all_inner_texts()
    assert len(first_page) == 20

    with page.expect_navigation():
        pagination.get_by_role("link", name="Volgende pagina").click()
    query = parse_qs(urlparse(page.url).query)
    assert query["thema"] == ["verkeer"] and query["pagina"] == ["2"], page.url
    assert pagination.locator(".pagination__status").inner_text() == "Pagina 2 van 2"
    second_page = items.all_inner_texts()
    assert len(second_page) == 5
    assert not set(first_page) & set(second_page)
    assert all(label.startswith("Aanbeveling 2023-01 / ") for label in first_page + second_page)
    # The filter stays chosen on the next page, and the way back gives the first page again.
    assert form.get_by_label("Thema").input_value() == "verkeer"
    with page.expect_navigation():
        pagination.get_by_role("link", name="Vorige pagina").click()
    assert items.all_inner_texts() == first_page


@pytest.mark.parametrize("where", ["tracker", "home"])
def test_headings_are_in_order(page, live_server, site, where):
    open_url(page, live_server, site[where])
    levels = page.evaluate(
        """() => [...document.querySelectorAll("main h1, main h2, main h3, main h4")]
            .map((h) => Number(h.tagName[1]))"""
    )
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.parametrize("where", ["tracker", "home"])
def test_no_horizontal_scrolling_at_400_percent_zoom(new_context, live_server, site, where):
    page = new_context(viewport={"width": 320, "height": 256}).new_page()
    open_url(page, live_server, site[where])
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"] + 1, f"{where}: {widths}"


def test_with_many_letters_the_reference_is_typed(page, live_server, site, assert_accessible):
    from advices.queries.tracker import LETTER_CHOICES_MAX
    from tests.advices.tracker_data import build_many

    build_many(letters=LETTER_CHOICES_MAX, per_letter=2, start_year=2001)
    open_url(page, live_server, site["tracker"])
    assert_accessible(page)
    form = page.locator("form.tracker-filter")
    letter_field = form.get_by_label("Advies")
    assert letter_field.evaluate("(element) => element.tagName") == "INPUT"
    assert "bijvoorbeeld" in form.locator("#tracker-advies-hint").inner_text()
    letter_field.fill("pr-2021-01")
    with page.expect_navigation():
        form.get_by_role("button", name="Zoeken").click()
    assert page.locator("main .listing__count").inner_text() == "4 aanbevelingen gevonden"
    assert form.get_by_label("Advies").input_value() == "PR-2021-01"
