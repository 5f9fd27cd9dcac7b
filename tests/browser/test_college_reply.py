"""A municipal clerk records the college's verdict and a follow-up in the admin; the public
letter and recommendation pages show them, and axe finds no violations there."""

import datetime

import pytest

from advices.actions.college import RecordReply
from advices.models import CollegeResponse, LetterStatus
from advices.pages import AdviceIndexPage
from tests.browser.admin_login import log_in
from tests.factories import CommitmentFactory, UserFactory, build_site, make_letter

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def replied(live_server):
    home, _meetings = build_site("Participatieraad Zwolle")
    index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    secretary = UserFactory(username="secretaris-browser", groups=["Secretariaat"])
    clerk = UserFactory(
        username="griffie", first_name="Gerda", last_name="Gemeente", groups=["Gemeente"]
    )
    letter = make_letter(
        recommendations=2,
        reference="PR-2022-07",
        date=datetime.date(2022, 6, 17),
        status=LetterStatus.SENT,
        user=secretary,
    )
    reply = RecordReply(
        CollegeResponse(
            letter=letter, received_on=datetime.date(2022, 8, 1), text="Dank voor uw advies."
        ),
        clerk,
    ).execute()
    return {"index": index, "letter": letter, "reply": reply}


def test_clerk_records_verdict_and_follow_up_and_the_public_sees_it(
    page, live_server, replied, assert_accessible
):
    base = live_server.url
    letter, reply = replied["letter"], replied["reply"]
    log_in(page, base, "griffie")

    page.goto(f"{base}/admin/snippets/advices/collegeresponse/standpunten/{reply.pk}/")
    first = page.get_by_role("region", name="Aanbeveling 2022-07 / 1")
    first.get_by_label("Standpunt").select_option(label="Overgenomen")
    first.get_by_label("Antwoord van het college").fill("Wij starten in 2023 met buurtbudgetten.")
    page.get_by_role("button", name="Standpunten opslaan").click()
    page.get_by_text("De standpunten zijn opgeslagen.").wait_for()

    page.goto(f"{base}/admin/snippets/advices/followup/add/")
    # Wagtail's panels repeat the field labels in headings and anchors: find the fields by id.
    page.locator("#id_recommendation").select_option(index=1)
    page.locator("#id_date").fill("01-03-2023")
    page.locator("#id_state").select_option(label="In uitvoering")
    page.locator("#id_note").fill("In drie wijken is een buurtbudget gestart.")
    page.get_by_role("button", name="Opslaan").first.click()
    page.wait_for_url(f"{base}/admin/snippets/advices/followup/")

    index = replied["index"]
    page.goto(base + index.letter_url(letter))
    recommendation = page.locator("#aanbeveling-1")
    assert "In uitvoering" in recommendation.inner_text()
    assert "Overgenomen" in recommendation.inner_text()
    assert_accessible(page)

    page.goto(base + index.recommendation_url(letter, 1))
    text = page.locator("main").inner_text()
    assert "Wij starten in 2023 met buurtbudgetten." in text
    assert "In drie wijken is een buurtbudget gestart." in text
    assert_accessible(page)


def test_an_impossible_date_stays_as_typed_and_work_on_advice_not_adopted_is_confirmed(
    page, live_server, replied
):
    """The date picker used to roll 31-02 over to 03-03 when the field lost focus; now the
    typed text stays and the server says the day does not exist. Recommendation 2 has no
    verdict: "in uitvoering" asks the clerk to confirm, and keeps what was typed."""
    base = live_server.url
    log_in(page, base, "griffie")
    page.goto(f"{base}/admin/snippets/advices/followup/add/")
    page.locator("#id_recommendation").select_option(index=2)
    date = page.locator("#id_date")
    date.fill("31-02-2023")
    date.press("Tab")
    page.locator("#id_state").select_option(label="In uitvoering")
    assert date.input_value() == "31-02-2023"
    page.locator("#id_note").fill("De gemeente begint toch in twee wijken.")
    page.get_by_role("button", name="Opslaan").first.click()
    page.get_by_text("Deze datum bestaat niet.").first.wait_for()
    assert page.locator("#id_date").input_value() == "31-02-2023"

    page.locator("#id_date").fill("01-03-2023")
    page.get_by_role("button", name="Opslaan").first.click()
    page.get_by_text("Het college heeft over dit advies geen standpunt gegeven.").first.wait_for()
    assert page.locator("#id_note").input_value() == "De gemeente begint toch in twee wijken."
    page.get_by_role(
        "checkbox", name="Ik weet dat het college dit advies niet heeft overgenomen"
    ).check()
    page.get_by_role("button", name="Opslaan").first.click()
    page.wait_for_url(f"{base}/admin/snippets/advices/followup/")


def test_long_options_stay_within_the_form(page, live_server, replied):
    """A commitment of several sentences is offered with its text in the open list, but the
    closed list stays inside the window, so its end can be read and reached."""
    recommendation = replied["letter"].recommendations.first()
    CommitmentFactory(recommendation=recommendation, description="Wij onderzoeken dit. " * 12)
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, "griffie")
    page.goto(f"{base}/admin/snippets/advices/followup/add/?aanbeveling={recommendation.pk}")
    widths = page.evaluate(
        "[...document.querySelectorAll('select')].map(s => s.getBoundingClientRect().right)"
    )
    assert widths and max(widths) <= 1280, widths
