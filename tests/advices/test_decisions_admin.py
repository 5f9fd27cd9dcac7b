"""The municipality records the decision after the advice in the admin: the letter first,
then one row per recommendation; the Awb 3:50 reasons exactly where the law asks them; a
recommendation of another letter, a date before sending or in the future refused with the
input kept; the council may read, not record; a form loaded before someone else saved is
refused."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from advices.actions.decisions import EditDecision, OutcomeErrors, RecordDecision
from advices.lifecycle.decisions import AWB_REASONS_MISSING, DecisionBody, FollowsAdvice
from advices.models import Decision, DecisionOutcome, LetterStatus
from tests.factories import (
    AdviceLetterFactory,
    AdviceRequestFactory,
    DecisionFactory,
    DecisionOutcomeFactory,
    MunicipalityUserFactory,
)

ADD = "wagtailsnippets_advices_decision:add"
EDIT = "wagtailsnippets_advices_decision:edit"
INSPECT = "wagtailsnippets_advices_decision:inspect"
LIST = "wagtailsnippets_advices_decision:list"

AWB_TEXT = "artikel 3:50"


def sent_letter(requested=False, recommendations=3, reference="PR-2022-07"):
    request = AdviceRequestFactory() if requested else None
    return AdviceLetterFactory(
        recommendations=recommendations,
        status=LetterStatus.SENT,
        reference=reference,
        request=request,
    )


def add_url(letter):
    return reverse(ADD) + f"?brief={letter.reference}"


def form_data(letter, follows=None, reasons=None, **fields):
    """What the decision form posts: the decision, and per recommendation its choice."""
    data = {
        "decided_on": timezone.localdate().isoformat(),
        "body": DecisionBody.COLLEGE,
        "title": "Vaststelling beleidsplan Sociaal Domein 2023-2026",
        "summary": "",
        "url": "https://gemeente.example.nl/besluiten/123",
        "loaded_marker": "",
        **fields,
    }
    follows = follows or {}
    reasons = reasons or {}
    for recommendation in letter.recommendations.order_by("number"):
        prefix = f"aanbeveling-{recommendation.pk}"
        data[f"{prefix}-follows"] = follows.get(recommendation.number, FollowsAdvice.YES)
        data[f"{prefix}-reasons"] = reasons.get(recommendation.number, "")
    return data


def error_text(response):
    return response.content.decode()


# -- choosing the letter first, then a row per recommendation ---------------------------------


def test_a_new_decision_starts_with_choosing_the_sent_letter(client, clerk):
    sent = sent_letter()
    AdviceLetterFactory(reference="PR-2099-01", subject="Concept van de raad")
    client.force_login(clerk)
    page = client.get(reverse(ADD))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kies eerst de brief" in text
    assert f"?brief={sent.reference}" in text
    assert "Concept van de raad" not in text  # a draft is never offered


def test_the_chosen_letter_shows_every_recommendation_as_a_row(client, clerk):
    letter = sent_letter(recommendations=4)
    client.force_login(clerk)
    page = client.get(add_url(letter))
    assert page.status_code == 200
    text = page.content.decode()
    for recommendation in letter.recommendations.all():
        assert f'name="aanbeveling-{recommendation.pk}-follows"' in text
        assert recommendation.advice in text
    assert len(page.context["rows"]) == 4


def test_an_unknown_or_unsent_letter_asks_to_choose_again(client, clerk):
    draft = AdviceLetterFactory(reference="PR-2099-01")
    client.force_login(clerk)
    for reference in ["PR-1999-99", draft.reference]:
        page = client.get(reverse(ADD) + f"?brief={reference}")
        assert page.status_code == 200
        assert "Er is geen verzonden advies" in page.content.decode()


def test_recording_a_decision_saves_it_with_its_outcomes_and_history(client, clerk):
    letter = sent_letter(recommendations=3)
    client.force_login(clerk)
    answer = client.post(
        add_url(letter),
        form_data(letter, follows={2: FollowsAdvice.NO, 3: ""}, reasons={2: "Te duur."}),
    )
    assert answer.status_code == 302, error_text(answer)
    decision = Decision.objects.get(letter=letter)
    assert decision.recorded_by == clerk
    outcomes = {o.recommendation.number: o for o in decision.outcomes.all()}
    assert set(outcomes) == {1, 2}  # the third: "gaat niet over deze aanbeveling"
    assert outcomes[2].follows == FollowsAdvice.NO
    assert outcomes[2].reasons == "Te duur."
    assert decision.history.first().history_user == clerk
    assert DecisionOutcome.history.filter(decision_id=decision.pk).count() == 2


# -- Awb 3:50: reasons required exactly where they apply ---------------------------------------


@pytest.mark.parametrize("follows", [FollowsAdvice.PARTLY, FollowsAdvice.NO])
def test_requested_advice_departed_from_needs_the_reasons_on_that_row(client, clerk, follows):
    letter = sent_letter(requested=True)
    client.force_login(clerk)
    data = form_data(letter, follows={2: follows})
    answer = client.post(add_url(letter), data)
    assert answer.status_code == 200
    assert not Decision.objects.exists()
    rows = dict((r.number, form) for r, form in answer.context["rows"])
    assert rows[2].errors["reasons"] == [str(AWB_REASONS_MISSING)]
    assert not rows[1].errors and not rows[3].errors
    text = error_text(answer)
    assert AWB_TEXT in text
    # The input is kept.
    assert data["title"] in text
    assert f'value="{follows}" ' in text.replace("checked", "")  # the row still shows it
    assert rows[2]["follows"].value() == follows


def test_requested_advice_followed_needs_no_reasons(client, clerk):
    letter = sent_letter(requested=True)
    client.force_login(clerk)
    answer = client.post(add_url(letter), form_data(letter))
    assert answer.status_code == 302, error_text(answer)


@pytest.mark.parametrize("follows", [FollowsAdvice.PARTLY, FollowsAdvice.NO])
def test_unrequested_advice_departed_from_needs_no_reasons(client, clerk, follows):
    letter = sent_letter(requested=False)
    client.force_login(clerk)
    answer = client.post(add_url(letter), form_data(letter, follows={1: follows}))
    assert answer.status_code == 302, error_text(answer)
    assert Decision.objects.get().outcomes.get(recommendation__number=1).follows == follows


def test_requested_advice_departed_from_with_reasons_is_recorded(client, clerk):
    letter = sent_letter(requested=True)
    client.force_login(clerk)
    answer = client.post(
        add_url(letter),
        form_data(letter, follows={1: FollowsAdvice.PARTLY}, reasons={1: "Eerst een pilot."}),
    )
    assert answer.status_code == 302, error_text(answer)


def test_the_action_itself_refuses_a_departure_without_reasons(clerk):
    """Not only the form: the demo, a command or a script goes through the same check."""
    letter = sent_letter(requested=True)
    first = letter.recommendations.order_by("number").first()
    decision = Decision(letter=letter, title="Besluit", url="https://example.nl/b")
    outcome = DecisionOutcome(recommendation=first, follows=FollowsAdvice.NO)
    with pytest.raises(OutcomeErrors) as refused:
        RecordDecision(decision, [outcome], clerk).execute()
    assert first.pk in refused.value.rows
    assert not Decision.objects.exists()


# -- another letter's recommendation, dates ----------------------------------------------------


def test_a_recommendation_of_another_letter_is_refused(client, clerk):
    letter = sent_letter()
    other = sent_letter(reference="PR-2022-08")
    foreign = other.recommendations.first()
    client.force_login(clerk)
    # The form offers only the letter's own rows: a tampered post is refused by the action.
    decision = Decision(letter=letter, title="Besluit", url="https://example.nl/b")
    outcome = DecisionOutcome(recommendation=foreign, follows=FollowsAdvice.YES)
    with pytest.raises(OutcomeErrors) as refused:
        RecordDecision(decision, [outcome], clerk).execute()
    assert "ander advies" in " ".join(refused.value.messages)
    # And a post with the other letter's row adds nothing to this decision.
    data = form_data(letter)
    data[f"aanbeveling-{foreign.pk}-follows"] = FollowsAdvice.NO
    assert client.post(add_url(letter), data).status_code == 302
    assert not DecisionOutcome.objects.filter(recommendation=foreign).exists()


@pytest.mark.parametrize(
    "when, message",
    [
        ("before", "vóór de verzenddatum"),
        ("future", "in de toekomst"),
    ],
)
def test_a_date_before_sending_or_in_the_future_is_refused(client, clerk, when, message):
    letter = sent_letter()
    sent_on = timezone.localdate(letter.sent_at)
    decided_on = (
        sent_on - datetime.timedelta(days=1)
        if when == "before"
        else timezone.localdate() + datetime.timedelta(days=1)
    )
    client.force_login(clerk)
    answer = client.post(add_url(letter), form_data(letter, decided_on=decided_on.isoformat()))
    assert answer.status_code == 200
    assert message in " ".join(answer.context["form"].errors["decided_on"])
    assert decided_on.isoformat() in error_text(answer)  # kept
    assert not Decision.objects.exists()


def test_the_sending_day_and_today_are_accepted(client, clerk):
    letter = sent_letter()
    client.force_login(clerk)
    answer = client.post(
        add_url(letter),
        form_data(letter, decided_on=timezone.localdate(letter.sent_at).isoformat()),
    )
    assert answer.status_code == 302, error_text(answer)


def test_a_decision_needs_a_link_or_a_pdf(client, clerk):
    letter = sent_letter()
    client.force_login(clerk)
    answer = client.post(add_url(letter), form_data(letter, url=""))
    assert answer.status_code == 200
    assert "Geef een link naar het besluit" in error_text(answer)


def test_reasons_without_a_choice_are_pointed_out(client, clerk):
    letter = sent_letter()
    client.force_login(clerk)
    answer = client.post(add_url(letter), form_data(letter, follows={1: ""}, reasons={1: "Iets"}))
    assert answer.status_code == 200
    assert "koos niet of het besluit" in error_text(answer)


# -- roles ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "secretary"])
def test_the_council_may_read_a_decision_but_not_record_one(db, client, role, request):
    user = request.getfixturevalue(role)
    decision = DecisionFactory()
    DecisionOutcomeFactory(decision=decision, follows=FollowsAdvice.PARTLY, reasons="Te duur.")
    client.force_login(user)
    listing = client.get(reverse(LIST))
    assert listing.status_code == 200
    assert reverse(INSPECT, args=[decision.pk]) in listing.content.decode()
    assert reverse(EDIT, args=[decision.pk]) not in listing.content.decode()
    page = client.get(reverse(INSPECT, args=[decision.pk]))
    assert page.status_code == 200
    assert "Te duur." in page.content.decode()
    assert "Besluit wijzigen" not in page.content.decode()
    for url in [reverse(ADD), add_url(decision.letter), reverse(EDIT, args=[decision.pk])]:
        refused = client.get(url)
        assert refused.status_code == 403
        assert "Alleen de gemeente legt het besluit" in refused.content.decode()
        assert client.post(url, form_data(decision.letter)).status_code == 403
    assert Decision.objects.count() == 1


def test_the_action_refuses_the_council(secretary):
    letter = sent_letter()
    decision = Decision(letter=letter, title="Besluit", url="https://example.nl/b")
    with pytest.raises(PermissionDenied):
        RecordDecision(decision, [], secretary).execute()


def test_the_clerk_finds_the_menu_item_and_the_edit_link(client, clerk):
    decision = DecisionFactory()
    client.force_login(clerk)
    home = client.get("/admin/").content.decode()
    assert "Besluiten na het advies" in home
    listing = client.get(reverse(LIST)).content.decode()
    assert reverse(EDIT, args=[decision.pk]) in listing
    page = client.get(reverse(INSPECT, args=[decision.pk])).content.decode()
    assert reverse(EDIT, args=[decision.pk]) in page


def test_anonymous_visitors_go_to_the_login(client):
    assert client.get(reverse(ADD)).status_code == 302


# -- changing a decision -----------------------------------------------------------------------


def edit_form(client, decision):
    page = client.get(reverse(EDIT, args=[decision.pk]))
    assert page.status_code == 200
    data = form_data(decision.letter, title=decision.title, url=decision.url)
    data["loaded_marker"] = str(page.context["form"]["loaded_marker"].value())
    data["decided_on"] = decision.decided_on.isoformat()
    return data


def test_an_edit_changes_and_removes_outcomes(client, clerk):
    decision = DecisionFactory(letter=sent_letter(requested=True))
    DecisionOutcomeFactory(decision=decision, follows=FollowsAdvice.YES)
    client.force_login(clerk)
    data = edit_form(client, decision)
    data.update(
        {
            f"aanbeveling-{r.pk}-follows": value
            for r, value in zip(
                decision.letter.recommendations.order_by("number"),
                [FollowsAdvice.NO, "", FollowsAdvice.YES],
                strict=True,
            )
        }
    )
    first = decision.letter.recommendations.get(number=1)
    data[f"aanbeveling-{first.pk}-reasons"] = "Niet haalbaar."
    answer = client.post(reverse(EDIT, args=[decision.pk]), data)
    assert answer.status_code == 302, error_text(answer)
    outcomes = {o.recommendation.number: o.follows for o in decision.outcomes.all()}
    assert outcomes == {1: FollowsAdvice.NO, 3: FollowsAdvice.YES}
    assert decision.history.count() == 2


def test_an_edit_from_a_form_loaded_before_another_save_is_refused(client, clerk):
    decision = DecisionFactory()
    colleague = MunicipalityUserFactory(username="collega", first_name="Henk")
    client.force_login(clerk)
    mine = edit_form(client, decision)
    # The colleague saves first.
    stored = Decision.objects.get(pk=decision.pk)
    stored.title = "Titel van de collega"
    EditDecision(stored, [], colleague, loaded_marker=int(mine["loaded_marker"])).execute()
    mine["title"] = "Mijn titel"
    answer = client.post(reverse(EDIT, args=[decision.pk]), mine)
    assert answer.status_code == 200
    text = error_text(answer)
    assert "Uw wijzigingen zijn daarom niet opgeslagen" in text
    assert "Henk" in text
    assert "Mijn titel" in text
    assert Decision.objects.get(pk=decision.pk).title == "Titel van de collega"


def test_an_edit_without_a_loaded_marker_is_refused(clerk):
    decision = DecisionFactory()
    decision.title = "Anders"
    with pytest.raises(Exception, match="niet opgeslagen"):
        EditDecision(decision, [], clerk, loaded_marker=None).execute()


# -- queries -----------------------------------------------------------------------------------


def test_the_form_costs_the_same_queries_for_2_and_30_recommendations(client, clerk):
    client.force_login(clerk)

    def count(method, url, data=None):
        with CaptureQueriesContext(connection) as captured:
            answer = client.post(url, data) if method == "post" else client.get(url)
        assert answer.status_code in (200, 302), answer.status_code
        return len(captured)

    counts = {}
    for size, reference in [(2, "PR-2022-02"), (30, "PR-2022-30")]:
        letter = sent_letter(recommendations=size, reference=reference)
        client.get(add_url(letter))
        counts[size] = {
            "form": count("get", add_url(letter)),
            "refused": count("post", add_url(letter), form_data(letter, url="")),
        }
        decision = DecisionFactory(letter=letter)
        counts[size]["edit"] = count("get", reverse(EDIT, args=[decision.pk]))
        counts[size]["inspect"] = count("get", reverse(INSPECT, args=[decision.pk]))
    assert counts[30] == counts[2], counts
