"""Transitions allowed and refused, per state and per group."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from advices.actions import transition
from advices.models import LetterStatus
from tests.advices.admin_forms import confirm_step, confirm_url
from tests.factories import UserFactory, make_letter

STATUS_URL = "wagtailsnippets_advices_adviceletter:status"

ALL_STATES = [
    LetterStatus.CONCEPT,
    LetterStatus.PROPOSED,
    LetterStatus.ADOPTED,
    LetterStatus.SENT,
]
# (action, from state, to state)
ALLOWED = {
    ("propose", LetterStatus.CONCEPT): LetterStatus.PROPOSED,
    ("withdraw", LetterStatus.PROPOSED): LetterStatus.CONCEPT,
    ("adopt", LetterStatus.PROPOSED): LetterStatus.ADOPTED,
    ("send", LetterStatus.ADOPTED): LetterStatus.SENT,
}
# Which group may perform which action at all.
GROUP_MAY = {
    "Raadsleden": {"propose", "withdraw"},
    "Secretariaat": {"propose", "withdraw", "adopt", "send"},
    "Gemeente": set(),
}


@pytest.mark.parametrize("group", sorted(GROUP_MAY))
@pytest.mark.parametrize("state", ALL_STATES)
@pytest.mark.parametrize("action", ["propose", "withdraw", "adopt", "send"])
def test_transition_table(db, group, state, action):
    letter = make_letter(recommendations=2, status=state)
    user = UserFactory(username=f"actor-{group.lower()}", groups=[group])
    may = action in GROUP_MAY[group]
    target = ALLOWED.get((action, state))
    if not may:
        with pytest.raises(PermissionDenied):
            transition(letter, action, user)
    elif target is None:
        with pytest.raises(ValidationError):
            transition(letter, action, user)
    else:
        transition(letter, action, user, reason="Akkoord in vergadering")
        letter.refresh_from_db()
        assert letter.status == target
        assert letter.status_changed_by == user
        latest = letter.history.first()
        assert (latest.status, latest.history_user, latest.history_change_reason) == (
            target,
            user,
            "Akkoord in vergadering",
        )
        return
    letter.refresh_from_db()
    assert letter.status == state


def test_sending_records_time_and_actor(db, secretary):
    letter = make_letter(status=LetterStatus.ADOPTED, user=secretary)
    transition(letter, "send", secretary)
    letter.refresh_from_db()
    assert letter.sent_at is not None
    assert letter.history.first().history_change_reason == "Verzonden"


def test_a_letter_without_recommendations_cannot_be_proposed(db, member):
    letter = make_letter(recommendations=0)
    with pytest.raises(ValidationError, match="minstens één aanbeveling"):
        transition(letter, "propose", member)


def test_status_page_offers_only_what_the_user_may_do(client, member, secretary, site_tree):
    letter = make_letter(status=LetterStatus.PROPOSED)
    client.force_login(member)
    html = client.get(reverse(STATUS_URL, args=[letter.pk])).content.decode()
    assert "Terugzetten naar concept" in html
    assert confirm_url(letter, "adopt") not in html
    assert "Alleen het secretariaat kan een adviesbrief vaststellen." in html

    client.force_login(secretary)
    html = client.get(reverse(STATUS_URL, args=[letter.pk])).content.decode()
    assert confirm_url(letter, "adopt") in html


def test_member_posting_adopt_gets_403_with_a_reason(client, member, site_tree):
    letter = make_letter(status=LetterStatus.PROPOSED)
    client.force_login(member)
    response = confirm_step(client, letter, "adopt")
    assert response.status_code == 403
    assert "Alleen het secretariaat kan een adviesbrief vaststellen." in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.PROPOSED


def test_secretary_adopts_and_sends_through_the_admin(client, secretary, site_tree):
    letter = make_letter(status=LetterStatus.PROPOSED)
    client.force_login(secretary)
    confirm_step(client, letter, "adopt", reason="Vergadering 14 juni")
    response = confirm_step(client, letter, "send", follow=True)
    assert "is verzonden en staat nu op de website" in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT


def test_double_submit_of_a_transition_is_refused_kindly(client, secretary, site_tree):
    letter = make_letter(status=LetterStatus.ADOPTED)
    client.force_login(secretary)
    loaded = letter.edit_version
    confirm_step(client, letter, "send", loaded_version=loaded)
    response = confirm_step(client, letter, "send", loaded_version=loaded, follow=True)
    assert response.status_code == 200
    assert "Er is niets opnieuw gedaan." in response.content.decode()
    assert letter.history.filter(status=LetterStatus.SENT).count() == 1


@pytest.mark.parametrize("action", ["delete-everything", ""])
def test_unknown_action_is_a_clear_400(client, secretary, site_tree, action):
    letter = make_letter()
    client.force_login(secretary)
    response = client.post(reverse(STATUS_URL, args=[letter.pk]), {"action": action})
    assert response.status_code == 400
    assert "Deze statuswijziging bestaat niet." in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.CONCEPT


def test_municipality_has_no_access_to_letters(client, clerk, site_tree):
    letter = make_letter()
    client.force_login(clerk)
    for url in [
        reverse(STATUS_URL, args=[letter.pk]),
        reverse("wagtailsnippets_advices_adviceletter:edit", args=[letter.pk]),
        reverse("wagtailsnippets_advices_adviceletter:list"),
        reverse("wagtailsnippets_advices_adviceletter:add"),
    ]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "alleen voor de raad" in response.content.decode(), url


def test_member_may_not_delete_a_letter_and_is_told_why(client, member, site_tree):
    letter = make_letter()
    client.force_login(member)
    response = client.post(reverse("wagtailsnippets_advices_adviceletter:delete", args=[letter.pk]))
    assert response.status_code == 403
    assert "Alleen het secretariaat kan een adviesbrief verwijderen." in response.content.decode()
    assert letter.__class__.objects.filter(pk=letter.pk).exists()


def test_unknown_letter_id_is_404(client, secretary, site_tree):
    client.force_login(secretary)
    assert client.get(reverse(STATUS_URL, args=[999999])).status_code == 404
