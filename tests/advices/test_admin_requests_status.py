"""A request's status page: the steps each role may take from each status (and the refusals,
in Dutch, with 403), the public reason that declining and resuming ask for, a double submit
that does nothing twice, the history with actor and reason, and the extension of the term at
the edges of its rules."""

import datetime

import pytest
from django.utils import timezone

from advices.lifecycle.requests import RequestStatus
from advices.models import AdviceRequest
from tests.advices.request_forms import extend, extend_url, status_url, take_step
from tests.factories import AdviceRequestFactory

TODAY = timezone.localdate
OPEN = [RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS]

# status -> step -> the status after it (absent: not possible from that status)
STEPS = {
    RequestStatus.RECEIVED: {
        "take-up": RequestStatus.IN_PROGRESS,
        "decline": RequestStatus.DECLINED,
    },
    RequestStatus.IN_PROGRESS: {"decline": RequestStatus.DECLINED},
    RequestStatus.DECLINED: {"resume": RequestStatus.IN_PROGRESS},
}
ALL_STEPS = ["take-up", "decline", "resume"]


def html(response):
    return response.content.decode()


def user_of(role, member, secretary, clerk):
    return {"Raadsleden": member, "Secretariaat": secretary, "Gemeente": clerk}[role]


@pytest.mark.parametrize("status", list(STEPS))
@pytest.mark.parametrize("step", ALL_STEPS)
def test_the_secretariat_takes_exactly_the_steps_the_status_allows(client, secretary, status, step):
    advice_request = AdviceRequestFactory(status=status)
    client.force_login(secretary)
    response = take_step(client, advice_request, step, reason="De raad heeft hier een rol.")
    after = AdviceRequest.objects.get(pk=advice_request.pk).status
    if step in STEPS[status]:
        assert response.status_code == 302
        assert after == STEPS[status][step]
    else:
        assert response.status_code == 200
        assert "Dit kan niet bij een adviesaanvraag met de status" in html(response)
        assert after == status


@pytest.mark.parametrize("role", ["Raadsleden", "Gemeente"])
@pytest.mark.parametrize("status", list(STEPS))
def test_members_and_the_municipality_take_no_step(client, member, secretary, clerk, role, status):
    advice_request = AdviceRequestFactory(status=status)
    client.force_login(user_of(role, member, secretary, clerk))
    page = html(client.get(status_url(advice_request)))
    assert 'name="action"' not in page
    for step in STEPS[status]:
        response = take_step(client, advice_request, step, reason="Reden")
        assert response.status_code == 403
        assert "Alleen het secretariaat" in html(response)
    assert AdviceRequest.objects.get(pk=advice_request.pk).status == status


def test_the_status_page_says_why_the_municipality_cannot_go_on(client, clerk):
    advice_request = AdviceRequestFactory()
    client.force_login(clerk)
    page = html(client.get(status_url(advice_request)))
    assert "Waarom kunt u niet verder?" in page
    assert "Alleen het secretariaat neemt een adviesaanvraag in behandeling." in page
    assert "Termijn verlengen" not in page


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    advice_request = AdviceRequestFactory()
    for url in (status_url(advice_request), extend_url(advice_request)):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    response = take_step(client, advice_request, "take-up")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert AdviceRequest.objects.get(pk=advice_request.pk).status == RequestStatus.RECEIVED


@pytest.mark.parametrize("step", ["decline", "resume"])
def test_declining_and_resuming_ask_for_the_public_reason_and_keep_the_input(
    client, secretary, step
):
    status = RequestStatus.RECEIVED if step == "decline" else RequestStatus.DECLINED
    advice_request = AdviceRequestFactory(status=status)
    client.force_login(secretary)
    response = take_step(client, advice_request, step, reason="   ")
    assert response.status_code == 200
    assert "Schrijf de reden op" in html(response)
    assert AdviceRequest.objects.get(pk=advice_request.pk).status == status


def test_a_double_submit_takes_the_step_once_and_says_so(client, secretary):
    advice_request = AdviceRequestFactory()
    client.force_login(secretary)
    first = take_step(client, advice_request, "decline", "Valt buiten onze taak.", "ontvangen")
    assert first.status_code == 302
    second = take_step(client, advice_request, "decline", "Tweede klik", "ontvangen")
    assert second.status_code == 200
    page = html(second)
    assert "heeft intussen de status &#x27;Afgezien van advies&#x27;" in page
    assert "Tweede klik" in page
    advice_request.refresh_from_db()
    assert advice_request.status_reason == "Valt buiten onze taak."
    assert advice_request.history.filter(status="afgezien").count() == 1


def test_the_history_names_actor_and_reason(client, secretary, member):
    advice_request = AdviceRequestFactory(actor=secretary)
    client.force_login(secretary)
    for step, reason in [
        ("take-up", ""),
        ("decline", "Geen rol voor de raad."),
        ("resume", "Toch wel: de wethouder vroeg het."),
    ]:
        assert take_step(client, advice_request, step, reason=reason).status_code == 302
        advice_request.refresh_from_db()
    new_deadline = TODAY() + datetime.timedelta(days=40)
    assert (
        extend(client, advice_request, new_deadline, "Werksessie pas in juni.").status_code == 302
    )
    client.force_login(member)
    page = html(client.get(status_url(advice_request)))
    for text in [
        "Status: In behandeling",
        "Status: Afgezien van advies",
        "Geen rol voor de raad.",
        "Toch wel: de wethouder vroeg het.",
        "Termijn verlengd tot",
        "Werksessie pas in juni.",
        secretary.get_full_name(),
    ]:
        assert text in page, text
    rows = list(advice_request.history.order_by("history_id"))
    assert all(row.history_user == secretary for row in rows[1:])
    assert rows[2].status_reason == "Geen rol voor de raad."


# -- the term and its extension --------------------------------------------------------------


def received_six_weeks_ago_plus(days):
    """A request on the term's deadline: received 6 weeks (+ ``days``) before today."""
    received = TODAY() - datetime.timedelta(weeks=6, days=days)
    return AdviceRequestFactory(
        received_on=received,
        letter_date=received,
        deadline=received + datetime.timedelta(weeks=6),
    )


def test_the_last_day_of_the_term_is_today_and_the_day_after_is_late(client, secretary):
    on_time = received_six_weeks_ago_plus(0)
    late = received_six_weeks_ago_plus(1)
    assert on_time.deadline == TODAY()
    assert on_time.timing(None) == "open" and late.timing(None) == "advies-te-laat"
    client.force_login(secretary)
    assert "(vandaag)" in html(client.get(status_url(on_time)))
    assert "<strong>1 dag te laat</strong>" in html(client.get(status_url(late)))


def test_an_extension_to_the_same_date_is_refused(client, secretary):
    advice_request = received_six_weeks_ago_plus(0)
    client.force_login(secretary)
    response = extend(client, advice_request, advice_request.deadline, "Afgesproken.")
    assert response.status_code == 200
    assert "kies een datum na" in html(response)
    assert "Afgesproken." in html(response)
    assert AdviceRequest.objects.get(pk=advice_request.pk).original_deadline is None


def test_an_extension_by_one_day_is_allowed(client, secretary):
    advice_request = received_six_weeks_ago_plus(0)
    client.force_login(secretary)
    new = advice_request.deadline + datetime.timedelta(days=1)
    assert extend(client, advice_request, new, "Eén dag extra.").status_code == 302
    advice_request.refresh_from_db()
    assert advice_request.deadline == new and advice_request.is_extended


def test_an_extension_without_a_reason_is_refused(client, secretary):
    advice_request = AdviceRequestFactory()
    client.force_login(secretary)
    new = advice_request.deadline + datetime.timedelta(days=14)
    response = extend(client, advice_request, new, "  ")
    assert response.status_code == 200
    assert "Schrijf op waarom de termijn is verlengd" in html(response)
    assert AdviceRequest.objects.get(pk=advice_request.pk).deadline == advice_request.deadline


@pytest.mark.parametrize("status", ["afgezien", "advies-uitgebracht"])
def test_a_closed_request_is_not_extended(client, secretary, status):
    if status == "advies-uitgebracht":
        from advices.actions.requests import take_request_step

        advice_request = AdviceRequestFactory()
        take_request_step(advice_request, "answer", secretary, "Advies verstuurd")
    else:
        advice_request = AdviceRequestFactory(status=status)
    client.force_login(secretary)
    new = advice_request.deadline + datetime.timedelta(days=14)
    response = extend(client, advice_request, new, "Te laat bedacht.")
    assert response.status_code == 200
    assert "verlengt u niet" in html(response)
    assert AdviceRequest.objects.get(pk=advice_request.pk).deadline == advice_request.deadline


def test_the_first_deadline_stays_after_two_extensions(client, secretary, member):
    advice_request = AdviceRequestFactory()
    first = advice_request.deadline
    client.force_login(secretary)
    for weeks, reason in [(2, "Eerste verlenging."), (4, "Tweede verlenging.")]:
        advice_request.refresh_from_db()
        new = first + datetime.timedelta(weeks=weeks)
        assert extend(client, advice_request, new, reason).status_code == 302
    advice_request.refresh_from_db()
    assert advice_request.original_deadline == first
    assert advice_request.deadline == first + datetime.timedelta(weeks=4)
    assert advice_request.extension_reason == "Tweede verlenging."
    client.force_login(member)
    assert "de eerste uiterste datum was" in html(client.get(status_url(advice_request)))


def test_an_extension_on_an_old_page_is_refused(client, secretary):
    advice_request = AdviceRequestFactory()
    shown = advice_request.deadline
    client.force_login(secretary)
    assert (
        extend(client, advice_request, shown + datetime.timedelta(days=7), "Eerste.").status_code
        == 302
    )
    response = extend(client, advice_request, shown + datetime.timedelta(days=14), "Tweede.", shown)
    assert response.status_code == 200
    assert "Iemand anders heeft de uiterste datum intussen veranderd" in html(response)
    assert AdviceRequest.objects.get(pk=advice_request.pk).deadline == shown + datetime.timedelta(
        days=7
    )


@pytest.mark.parametrize("role", ["Raadsleden", "Gemeente"])
def test_only_the_secretariat_extends(client, member, secretary, clerk, role):
    advice_request = AdviceRequestFactory()
    client.force_login(user_of(role, member, secretary, clerk))
    new = advice_request.deadline + datetime.timedelta(days=14)
    response = extend(client, advice_request, new, "Afgesproken.")
    assert response.status_code == 403
    assert "Alleen het secretariaat legt een verlenging" in html(response)
    assert AdviceRequest.objects.get(pk=advice_request.pk).deadline == advice_request.deadline
