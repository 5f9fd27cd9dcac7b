"""The secretariat sends a letter in a browser without JavaScript: the status page leads to a
confirmation screen (what will happen, the PDF), the confirmation sends, and the admin then
links to the public page, which opens."""

import datetime

import pytest

from advices.models import LetterStatus
from advices.pages import AdviceIndexPage
from tests.browser.admin_login import log_in
from tests.factories import UserFactory, build_site, make_letter

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def adopted(live_server):
    home, _meetings = build_site("Participatieraad Zwolle")
    home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    secretary = UserFactory(username="secretaris-browser", groups=["Secretariaat"])
    return make_letter(
        recommendations=2,
        reference="PR-2022-07",
        date=datetime.date(2022, 6, 17),
        subject="Sterke sociale basis",
        status=LetterStatus.ADOPTED,
        user=secretary,
    )


def test_sending_asks_first_and_then_links_to_the_public_page(new_context, live_server, adopted):
    base = live_server.url
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, base, "secretaris-browser")

    page.goto(f"{base}/admin/snippets/advices/adviceletter/status/{adopted.pk}/")
    page.get_by_role("link", name="Versturen…").click()
    assert page.get_by_role("heading", name="Wat er gebeurt als u bevestigt").is_visible()
    assert page.locator("iframe.confirm-pdf-preview").count() == 1
    adopted.refresh_from_db()
    assert adopted.status == LetterStatus.ADOPTED  # looking is not sending

    page.get_by_role("button", name="Ja, verstuur de brief").click()
    page.get_by_text("De brief PR-2022-07 is verzonden en staat nu op de website.").wait_for()
    adopted.refresh_from_db()
    assert adopted.status == LetterStatus.SENT

    public = page.get_by_role("link", name="Bekijk de openbare pagina").first
    href = public.get_attribute("href")
    assert href.endswith("/adviezen/PR-2022-07/")
    path = "/" + href.split("/", 3)[3]  # the site's configured host may differ from the server
    response = page.goto(base + path)
    assert response.ok
    assert "Sterke sociale basis" in page.content()
