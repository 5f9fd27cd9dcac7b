"""The decision after the advice in a real browser: a clerk records it in the admin without
JavaScript (the letter first, then a row per recommendation; the Awb 3:50 refusal on the
row, input kept); the public letter and recommendation pages show it, axe finds no
violations there, and they do not scroll sideways at 320 px."""

import datetime

import pytest

from advices.models import Decision, LetterStatus
from advices.pages import AdviceIndexPage
from tests.browser.admin_login import log_in
from tests.browser.loading import open_url
from tests.factories import (
    AdviceLetterFactory,
    AdviceRequestFactory,
    UserFactory,
    build_site,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def requested(live_server):
    home, _meetings = build_site("Participatieraad Zwolle")
    index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    UserFactory(username="griffie", first_name="Gerda", groups=["Gemeente"])
    letter = AdviceLetterFactory(
        recommendations=2,
        reference="PR-2022-07",
        date=datetime.date(2022, 6, 17),
        subject="Armoedebeleid",
        status=LetterStatus.SENT,
        request=AdviceRequestFactory(),
    )
    return {"index": index, "letter": letter}


def test_clerk_records_a_decision_and_the_public_reads_it(
    new_context, page, live_server, requested, assert_accessible
):
    base = live_server.url
    index, letter = requested["index"], requested["letter"]
    clerk_page = new_context(java_script_enabled=False).new_page()
    log_in(clerk_page, base, "griffie")
    clerk_page.goto(base + "/admin/snippets/advices/decision/add/")
    with clerk_page.expect_navigation():
        clerk_page.get_by_role("link", name="PR-2022-07 · Armoedebeleid").click()
    clerk_page.get_by_label("Titel van het besluit").fill("Vaststelling armoedebeleid")
    clerk_page.get_by_label("Link naar het besluit").fill("https://gemeente.example.nl/b/1")
    first, second = letter.recommendations.order_by("number")
    clerk_page.locator(f"input[name='aanbeveling-{first.pk}-follows'][value='volgt']").check()
    clerk_page.locator(f"input[name='aanbeveling-{second.pk}-follows'][value='volgt-niet']").check()
    with clerk_page.expect_navigation():
        clerk_page.get_by_role("button", name="Besluit opslaan").click()
    # Requested advice departed from without reasons: refused on that row, input kept.
    row = clerk_page.locator(f"section[aria-labelledby='outcome-{second.pk}']")
    assert "artikel 3:50" in row.locator(".help-critical").inner_text()
    assert clerk_page.get_by_label("Titel van het besluit").input_value() == (
        "Vaststelling armoedebeleid"
    )
    row.locator("textarea").fill("Het budget laat dit niet toe.")
    with clerk_page.expect_navigation():
        clerk_page.get_by_role("button", name="Besluit opslaan").click()
    assert "is opgeslagen" in clerk_page.locator("body").inner_text()
    assert Decision.objects.get().outcomes.count() == 2

    letter_page = open_url(page, live_server, index.letter_url(letter))
    assert "Besluit na het advies" in letter_page.locator("main").inner_text()
    assert_accessible(letter_page)
    recommendation_page = open_url(page, live_server, index.recommendation_url(letter, 2))
    text = recommendation_page.locator("main").inner_text()
    assert "Volgt het advies niet" in text
    assert "Het budget laat dit niet toe." in text
    assert "Besluit van het college: Vaststelling armoedebeleid." in text
    assert_accessible(recommendation_page)

    narrow = new_context(viewport={"width": 320, "height": 640}).new_page()
    for url in (index.letter_url(letter), index.recommendation_url(letter, 2)):
        open_url(narrow, live_server, url)
        widths = narrow.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
        )
        assert widths["scroll"] <= widths["inner"] + 1, f"{url}: {widths}"
