"""On a phone (320 CSS px), what a reader came for comes first: a letter's status, the late
reply, the PDF and the way to follow it within the first screens, before its 33
recommendations; the tracker's filters and results before the figures, which stay one link
away. Wide screens keep the facts beside the letter. axe finds nothing on these pages, at
either width, and nothing scrolls sideways."""

import datetime

import pytest
import time_machine

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

PHONE = {"width": 320, "height": 640}
# "Within the first screen or two" of a phone.
NEAR_THE_TOP = 1200


@pytest.fixture
def site(live_server):
    home, index, tracker = build_tracker_site()
    theme = ThemeFactory(name="Vrijwilligers en mantelzorg", slug="mantelzorg")
    # The demo's long letter: 33 recommendations, sent in 2022, no reply since.
    with time_machine.travel(datetime.datetime(2022, 6, 17, 10, tzinfo=datetime.UTC), tick=False):
        letter = AdviceLetterFactory(
            reference="PR-2022-01",
            date=datetime.date(2022, 6, 17),
            subject="Sterke sociale basis",
            recommendations=[
                {
                    "heading": f"Thema {1 + number // 6}",
                    "context": "Tijdens de ontmoeting kwam dit naar voren. " * 6,
                    "advice": f"Wij adviseren u om maatregel {number} te nemen. " * 4,
                }
                for number in range(1, 34)
            ],
            themes=[theme],
            status=LetterStatus.SENT,
        )
    return {
        "letter": index.letter_url(letter),
        "advice index": index.url,
        "theme page": f"{index.url}?thema=mantelzorg",
        "tracker": tracker.url,
        "tracker, theme": f"{tracker.url}?thema=mantelzorg",
    }


def top_of(page, selector):
    """The distance of the element from the top of the page, in CSS px."""
    return page.locator(selector).first.evaluate(
        "(element) => element.getBoundingClientRect().top + window.scrollY"
    )


@pytest.fixture
def phone(new_context):
    return new_context(viewport=PHONE).new_page()


def test_on_a_phone_a_letter_shows_its_status_pdf_and_following_first(phone, live_server, site):
    open_url(phone, live_server, site["letter"])
    summary = phone.locator(".advice-layout__summary")
    status = summary.locator(".advice-facts__item--status dd")
    assert status.inner_text() == "Verzonden"
    late = summary.locator(".status-badge--late")
    assert late.inner_text().endswith("Reactie te laat")
    pdf = summary.get_by_role("link", name="Download de brief als PDF")
    follow = summary.get_by_role("link", name="Volg dit advies per e-mail")
    first_recommendation = top_of(phone, "#aanbeveling-1")
    for name, selector in {
        "status": ".advice-facts__item--status",
        "reply": ".advice-facts__item--reply",
        "pdf": ".advice-facts__download a",
        "follow": ".follow-links__email",
    }.items():
        top = top_of(phone, selector)
        assert top < NEAR_THE_TOP, f"{name} at {top}px"
        assert top < first_recommendation, name
    assert pdf.is_visible() and follow.is_visible()
    # The letter itself follows the summary, and the form to follow it comes after the letter.
    assert top_of(phone, "#volgen") > top_of(phone, "#aanbeveling-33")


def test_the_follow_link_leads_to_the_form_without_javascript(new_context, live_server, site):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    open_url(page, live_server, site["letter"])
    page.get_by_role("link", name="Volg dit advies per e-mail").click()
    page.wait_for_url("**#volgen")
    form = page.locator("#volgen")
    assert form.get_by_label("Uw e-mailadres").is_visible()
    assert form.evaluate("(el) => el.matches(':target')")


def test_on_a_wide_screen_the_facts_sit_beside_the_letter(page, live_server, site):
    open_url(page, live_server, site["letter"])
    letter = page.locator("article.letter").bounding_box()
    summary = page.locator(".advice-layout__summary").bounding_box()
    more = page.locator(".advice-layout__more").bounding_box()
    assert summary["x"] >= letter["x"] + letter["width"]
    assert abs(summary["y"] - letter["y"]) < 1  # level with the top of the letter
    # The rest of the facts and the follow form right below the summary, not after the letter.
    assert more["x"] == summary["x"]
    assert summary["y"] + summary["height"] < more["y"] < summary["y"] + summary["height"] + 64


def test_on_a_phone_the_tracker_shows_its_filters_and_results_before_the_figures(
    phone, live_server, site
):
    open_url(phone, live_server, site["tracker"])
    filters = top_of(phone, "form.tracker-filter")
    results = top_of(phone, "#results-heading")
    figures = top_of(phone, "#cijfers")
    assert filters < NEAR_THE_TOP, f"filters at {filters}px"
    assert filters < results < figures
    # The figures are one link away.
    link = phone.get_by_role("link", name="Bekijk de cijfers over alle aanbevelingen")
    assert top_of(phone, ".tracker-figures-link") < filters
    link.click()
    phone.wait_for_url("**#cijfers")
    assert phone.locator("#cijfers").evaluate("(el) => el.matches(':target')")


def test_from_a_filtered_tracker_the_figures_are_one_link_away(phone, live_server, site):
    open_url(phone, live_server, site["tracker, theme"])
    assert phone.locator("#cijfers").count() == 0
    with phone.expect_navigation():
        phone.get_by_role("link", name="Bekijk de cijfers over alle aanbevelingen").click()
    assert phone.url.endswith(site["tracker"] + "#cijfers")
    assert phone.locator("#cijfers").is_visible()


def test_a_theme_page_offers_following_by_email_and_feed(phone, live_server, site):
    open_url(phone, live_server, site["theme page"])
    links = phone.locator(".follow-links")
    assert top_of(phone, ".follow-links") < NEAR_THE_TOP
    with phone.expect_navigation():
        links.get_by_role("link", name="Volg dit thema per e-mail").click()
    assert phone.url.endswith("/volgen/thema/mantelzorg/")
    assert phone.get_by_label("Uw e-mailadres").is_visible()


PAGES = ["letter", "advice index", "theme page", "tracker", "tracker, theme"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "wide"])
def test_axe_finds_no_violations(new_context, live_server, site, assert_accessible, name, viewport):
    page = new_context(viewport=viewport).new_page()
    assert_accessible(open_url(page, live_server, site[name]))


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling_at_400_percent_zoom(new_context, live_server, site, name):
    page = new_context(viewport={"width": 320, "height": 256}).new_page()
    open_url(page, live_server, site[name])
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"] + 1, f"{name}: {widths}"
