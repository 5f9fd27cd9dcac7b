"""The public "Adviesaanvragen" pages in a real browser: axe-core finds no accessibility
violation on the list and on a request's page, on a wide screen and on a phone (320 px),
nothing scrolls sideways, and a reader without JavaScript filters the list and opens a
request, its advice and its documents.
"""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import timezone

from advices.actions.requests import ExtendDeadline
from advices.lifecycle.decisions import FollowsAdvice
from advices.lifecycle.requests import RequestStatus
from advices.models import LetterStatus
from tests.browser.loading import open_url
from tests.factories import (
    AdviceIndexPageFactory,
    AdviceLetterFactory,
    AdviceRequestFactory,
    AdviceRequestIndexPageFactory,
    CollegeResponseFactory,
    DecisionFactory,
    DecisionOutcomeFactory,
    RecommendationIndexPageFactory,
    RequestDocumentFactory,
    SecretaryFactory,
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

PHONE = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 800}


@pytest.fixture
def site(live_server):
    """A requests page with an open, a late, a declined and an answered request."""
    home, meeting_index = build_site("Participatieraad Zwolle")
    requests_page = AdviceRequestIndexPageFactory(
        parent=home, intro="Wat het college de raad vroeg, en tot wanneer."
    )
    AdviceIndexPageFactory(parent=home, slug="adviezen")
    RecommendationIndexPageFactory(parent=home, slug="aanbevelingen")
    theme = ThemeFactory(name="Armoede en schulden", slug="armoede")
    today = timezone.localdate()
    meeting = add_meeting(meeting_index, "Werksessie armoedebeleid", today - datetime.timedelta(9))

    open_request = AdviceRequestFactory(
        reference="AV-2022-01",
        subject="Ontwerp-armoedebeleid met een heel lang onderwerp over minima en schulden",
        questions="Wat vindt de raad van het ontwerp?\nMist de raad iets voor jongeren?",
        requester_kind="wethouder",
        requester_name="Wethouder Armoede en Schulden",
        contact_email="niet.openbaar@gemeente.example.nl",
        received_on=today - datetime.timedelta(days=14),
        deadline=today + datetime.timedelta(days=28),
        themes=[theme],
        status=RequestStatus.IN_PROGRESS,
    )
    open_request.meetings.set([meeting])
    open_request.save()
    RequestDocumentFactory(request=open_request, title="Brief met de adviesaanvraag")
    RequestDocumentFactory(request=open_request, kind="ontwerp", title="Ontwerp armoedebeleid")
    ExtendDeadline(
        open_request, today + datetime.timedelta(days=35), "Na de werksessie.", SecretaryFactory()
    ).execute()

    AdviceRequestFactory(
        reference="AV-2022-02",
        subject="Leerlingenvervoer",
        received_on=today - datetime.timedelta(days=70),
        deadline=today - datetime.timedelta(days=28),
    )
    AdviceRequestFactory(reference="AV-2022-03", subject="Parkeren", status=RequestStatus.DECLINED)

    answered = AdviceRequestFactory(
        reference="AV-2022-04",
        subject="Energietoeslag",
        received_on=today - datetime.timedelta(days=40),
        deadline=today + datetime.timedelta(days=2),
        themes=[theme],
    )
    letter = AdviceLetterFactory(
        reference="PR-2022-07",
        subject="Energietoeslag",
        request=answered,
        status=LetterStatus.SENT,
        recommendations=2,
    )
    CollegeResponseFactory(letter=letter, received_on=today)
    decision = DecisionFactory(letter=letter, title="Regeling energietoeslag", decided_on=today)
    DecisionOutcomeFactory(decision=decision, follows=FollowsAdvice.YES)
    return {
        "list": requests_page.url,
        "list, filtered": f"{requests_page.url}?status=advies-te-laat",
        "open request": requests_page.request_url(open_request),
        "answered request": requests_page.request_url(answered),
        "letter": f"/adviezen/{letter.reference}/",
    }


PAGES = ["list", "list, filtered", "open request", "answered request", "letter"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_axe_finds_no_violations(new_context, live_server, site, assert_accessible, name, viewport):
    page = new_context(viewport=viewport).new_page()
    assert_accessible(open_url(page, live_server, site[name]))


@pytest.mark.parametrize("name", ["list", "open request", "answered request"])
def test_no_horizontal_scrolling_at_320_px_and_400_percent_zoom(
    new_context, live_server, site, name
):
    page = new_context(viewport={"width": 320, "height": 256}).new_page()
    open_url(page, live_server, site[name])
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"] + 1, f"{name}: {widths}"


def test_a_reader_without_javascript_filters_and_reaches_the_advice(new_context, live_server, site):
    page = open_url(
        new_context(java_script_enabled=False, viewport=PHONE).new_page(), live_server, site["list"]
    )
    cards = page.locator("main .request-card")
    assert cards.count() == 4
    # Open first: the nearest deadline, the late one before it.
    assert cards.nth(0).inner_text().startswith("Leerlingenvervoer")
    form = page.locator("main form.filter-form")
    form.get_by_label("Thema").select_option(label="Armoede en schulden")
    form.get_by_label("Status").select_option(label="Advies uitgebracht")
    with page.expect_navigation():
        form.get_by_role("button", name="Filter toepassen").click()
    query = parse_qs(urlparse(page.url).query)
    assert query == {"thema": ["armoede"], "status": ["advies-uitgebracht"]}
    assert page.locator("main .listing__count").inner_text().startswith("1 adviesaanvraag")
    with page.expect_navigation():
        page.locator("main .request-card").get_by_role(
            "link", name="Energietoeslag", exact=True
        ).click()
    assert urlparse(page.url).path == site["answered request"]
    assert page.locator("main h1").inner_text() == "Energietoeslag"
    with page.expect_navigation():
        page.get_by_role("link", name="PR-2022-07 Energietoeslag").click()
    assert urlparse(page.url).path == site["letter"]
    with page.expect_navigation():
        page.locator("main a", has_text="AV-2022-04").click()
    assert urlparse(page.url).path == site["answered request"]


def test_a_document_downloads_as_a_pdf(new_context, live_server, site):
    page = open_url(
        new_context(accept_downloads=True).new_page(), live_server, site["open request"]
    )
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Ontwerp armoedebeleid").click()
    download = download_info.value
    assert download.suggested_filename == "AV-2022-01-ontwerp-armoedebeleid.pdf"
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read(5) == b"%PDF-"


def test_on_a_phone_the_status_and_deadline_come_before_the_questions(
    new_context, live_server, site
):
    page = open_url(new_context(viewport=PHONE).new_page(), live_server, site["open request"])

    def top(selector):
        return page.locator(selector).first.evaluate(
            "(element) => element.getBoundingClientRect().top + window.scrollY"
        )

    assert top(".advice-facts__item--status") < top("#questions-heading")
    assert top(".advice-facts__item--deadline") < top("#questions-heading")
    deadline = page.locator(".advice-facts__item--deadline dd").inner_text()
    assert "Verlengd tot" in deadline and "Na de werksessie." in deadline
    assert "niet.openbaar" not in page.content()
