"""The public advice pages in a real browser: axe-core finds no accessibility violation on
the list of letters, on a letter and on a recommendation, and a reader without JavaScript
filters the list and follows its links to a recommendation.
"""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest

from advices.models import LetterStatus
from home.models import CouncilSettings
from tests.browser.loading import open_url
from tests.factories import (
    AdviceIndexPageFactory,
    AdviceLetterFactory,
    ErratumFactory,
    ThemeFactory,
    add_meeting,
    build_site,
)

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread, so the data must be committed; see
    # tests/browser/test_public_pages.py for why serialized_rollback is needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADINGS = ["Betekenisvolle sociale contacten"] * 3 + ["Zelfredzaam leven"] * 2


@pytest.fixture
def advice(live_server):
    """A home page with an advice index and one sent letter of five recommendations."""
    home, meeting_index = build_site("Participatieraad Zwolle")
    council = CouncilSettings.for_site(home.get_site())
    council.name = "Participatieraad Zwolle"
    council.municipality = "Zwolle"
    council.save()
    index = AdviceIndexPageFactory(
        parent=home, slug="adviezen", intro="Alle adviezen aan het college."
    )
    meeting = add_meeting(meeting_index, "Ontmoet en groet", datetime.date(2022, 5, 9))
    theme = ThemeFactory(name="Sterke sociale basis", slug="sterke-sociale-basis")
    letter = AdviceLetterFactory(
        reference="PR-2022-07",
        date=datetime.date(2022, 6, 17),
        subject="Sterke sociale basis",
        closing="<p>Met vriendelijke groet,</p>",
        recommendations=[
            {
                "heading": heading,
                "context": f"Tijdens de ontmoeting kwam punt {number} naar voren.",
                "advice": f"Wij adviseren u om maatregel {number} te nemen.",
            }
            for number, heading in enumerate(HEADINGS, start=1)
        ],
        themes=[theme],
        meetings=[meeting],
        status=LetterStatus.SENT,
    )
    ErratumFactory(
        letter=letter,
        date=datetime.date(2022, 7, 1),
        text="In aanbeveling 3 staat 2019; lees 2020.",
    )
    return {
        "advice index": index.url,
        "letter": index.letter_url(letter),
        "recommendation": index.recommendation_url(letter, 3),
        "meeting report": meeting.url,
    }


PAGES = ["advice index", "letter", "recommendation", "meeting report"]


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(page, live_server, advice, assert_accessible, name):
    assert_accessible(open_url(page, live_server, advice[name]))


def test_a_reader_without_javascript_filters_and_reaches_a_recommendation(
    new_context, live_server, advice
):
    page = open_url(
        new_context(java_script_enabled=False).new_page(), live_server, advice["advice index"]
    )
    # Filter the letters by theme: a plain GET form.
    form = page.locator("main form.filter-form")
    form.get_by_label("Thema").select_option(label="Sterke sociale basis")
    with page.expect_navigation():
        form.get_by_role("button", name="Filter toepassen").click()
    assert parse_qs(urlparse(page.url).query)["thema"] == ["sterke-sociale-basis"]
    assert page.locator("main h1").inner_text() == "Adviezen: Sterke sociale basis"
    assert page.locator("main .listing__count").inner_text() == "1 advies gevonden"
    # Open the letter, then the own page of its third recommendation, and back.
    with page.expect_navigation():
        page.locator("main .letter-card a", has_text="Sterke sociale basis").click()
    assert urlparse(page.url).path == advice["letter"]
    assert page.locator("main h1").inner_text() == "Sterke sociale basis"
    with page.expect_navigation():
        page.get_by_role("link", name="Eigen pagina van aanbeveling 2022-07 / 3").click()
    assert urlparse(page.url).path == advice["recommendation"]
    assert page.locator("main h1").inner_text() == "Aanbeveling 2022-07 / 3"
    with page.expect_navigation():
        page.locator("main a", has_text="Lees deze aanbeveling in de hele brief").click()
    assert page.url.endswith(advice["letter"] + "#aanbeveling-3")


def test_headings_are_in_order_on_the_letter(page, live_server, advice):
    open_url(page, live_server, advice["letter"])
    levels = page.evaluate(
        """() => [...document.querySelectorAll("main h1, main h2, main h3, main h4")]
            .map((h) => Number(h.tagName[1]))"""
    )
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    # Two headed sections: the recommendations under "Betekenisvolle sociale contacten"
    # share one h2, the next heading starts a new one.
    assert page.locator("main h2", has_text="Betekenisvolle sociale contacten").count() == 1
    assert page.locator("main h2", has_text="Zelfredzaam leven").count() == 1
    assert page.locator("main h3", has_text="Aanbeveling 2022-07 / ").count() == len(HEADINGS)


def test_recommendation_link_lands_on_its_anchor(page, live_server, advice):
    open_url(page, live_server, advice["recommendation"])
    with page.expect_navigation():
        page.locator("main a", has_text="Lees deze aanbeveling in de hele brief").click()
    assert page.url.endswith("/adviezen/PR-2022-07/#aanbeveling-3")
    target = page.locator("#aanbeveling-3")
    assert target.is_visible()
    assert target.evaluate("(el) => el.matches(':target')")


@pytest.mark.parametrize("name", ["advice index", "letter", "recommendation"])
def test_no_horizontal_scrolling_at_400_percent_zoom(new_context, live_server, advice, name):
    # 1280 x 1024 CSS pixels at 400% zoom (WCAG 1.4.10 Reflow).
    page = new_context(viewport={"width": 320, "height": 256}).new_page()
    open_url(page, live_server, advice[name])
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"] + 1, f"{name}: {widths}"
