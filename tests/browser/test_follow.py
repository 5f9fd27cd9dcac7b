"""Following by email in a real browser: subscribe, confirm, and unsubscribe with the button,
each page free of axe-core violations; a bad link gets a clear page."""

import re

import pytest
from django.core import mail

from advices.models import Subscription
from advices.pages import AdviceIndexPage
from tests.advices.tracker_data import build_tracker_data
from tests.browser.loading import open_url
from tests.factories import build_site

pytestmark = [
    pytest.mark.browser,
    # The live server answers from another thread, so the data must be committed; see
    # tests/browser/test_public_pages.py for why serialized_rollback is needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def letter(live_server):
    home, _meetings = build_site("Participatieraad Zwolle")
    home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    return build_tracker_data()["letters"]["2022"]


def link_in(message, part):
    return next(link for link in re.findall(r"https?://\S+", message.body) if part in link)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def test_follow_confirm_and_unsubscribe(page, live_server, letter, assert_accessible):
    open_url(page, live_server, f"/volgen/advies/{letter.pk}/")
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill("inwoner@example.nl")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("volgen", re.I)).click()
    assert_accessible(page)
    (confirmation,) = mail.outbox

    open_url(page, live_server, path_of(link_in(confirmation, "/volgen/bevestigen/")))
    assert page.locator("h1").inner_text() == "Gelukt: u volgt het nu"
    assert_accessible(page)

    # The link to leave asks first; the button unsubscribes.
    with page.expect_navigation():
        page.get_by_role("link", name="Toch niet volgen? Meld u hier af.").click()
    assert page.locator("h1").inner_text() == "Afmelden"
    assert_accessible(page)
    assert Subscription.objects.filter(email="inwoner@example.nl").exists()
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden").click()
    assert page.locator("h1").inner_text() == "U bent afgemeld"
    assert_accessible(page)
    assert not Subscription.objects.exists()


def test_a_bad_link_gets_a_clear_page(page, live_server, letter, assert_accessible):
    response = page.goto(live_server.url + "/volgen/afmelden/onzin/")
    assert response.status == 400
    assert "Deze link klopt niet" in page.locator("main").inner_text()
    assert_accessible(page)
