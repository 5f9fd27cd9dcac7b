"""The verdicts page records a whole letter in one action: its queries do not grow with the
number of recommendations, a follower gets one mail per save, and a form that is out of
date is refused with the typed verdicts kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from advices.models import FollowTarget, RecommendationAnswer, Subscription, Verdict
from tests.advices.story import reply, send_letter
from tests.factories import ThemeFactory

ANSWERS = "wagtailsnippets_advices_collegeresponse:answers"


def answered_letter(people, recommendations, reference="PR-2022-07", themes=()):
    letter = send_letter(
        people, reference=reference, recommendations=recommendations, themes=themes
    )
    return letter, reply(letter, people["clerk"])


def form_data(client, response, verdict=Verdict.ADOPTED, answer="Wij nemen dit over."):
    """What the page's form sends: every row, with ``verdict`` and ``answer``, and the
    version of the verdicts the page was loaded with."""
    page = client.get(reverse(ANSWERS, args=[response.pk]))
    assert page.status_code == 200
    answers = list(response.answers.order_by("recommendation__number"))
    data = {
        "form-TOTAL_FORMS": str(len(answers)),
        "form-INITIAL_FORMS": str(len(answers)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "loaded_marker": str(page.context["loaded_marker"]),
    }
    for index, item in enumerate(answers):
        data[f"form-{index}-id"] = str(item.pk)
        data[f"form-{index}-verdict"] = verdict
        data[f"form-{index}-answer"] = f"{answer} ({index + 1})"
    return data


def queries_of(client, method, url, data=None):
    with CaptureQueriesContext(connection) as captured:
        result = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert result.status_code in (200, 302), result.status_code
    return len(captured)


def test_the_page_and_its_save_cost_the_same_queries_for_2_and_40_recommendations(
    client, people, site_tree
):
    client.force_login(people["clerk"])
    counts = {}
    for size, reference in [(2, "PR-2022-02"), (40, "PR-2022-40")]:
        _letter, response = answered_letter(people, size, reference)
        url = reverse(ANSWERS, args=[response.pk])
        data = form_data(client, response)
        counts[size] = (queries_of(client, "get", url), queries_of(client, "post", url, data))
        assert set(
            RecommendationAnswer.objects.filter(response=response).values_list("verdict", flat=True)
        ) == {Verdict.ADOPTED}
    assert counts[2] == counts[40], counts


def test_one_save_of_many_verdicts_is_one_mail_per_follower(
    client, people, site_tree, mailoutbox, django_capture_on_commit_callbacks
):
    theme = ThemeFactory(name="Jeugd")
    letter, response = answered_letter(people, 12, themes=[theme])
    first = letter.recommendations.order_by("number").first()
    now = timezone.now()
    for email, target_type, target_id in [
        ("brief@example.nl", FollowTarget.LETTER, letter.pk),
        ("thema@example.nl", FollowTarget.THEME, theme.pk),
        ("een@example.nl", FollowTarget.RECOMMENDATION, first.pk),
    ]:
        Subscription.objects.create(
            email=email, target_type=target_type, target_id=target_id, confirmed_at=now
        )
    mailoutbox.clear()
    client.force_login(people["clerk"])
    data = form_data(client, response)
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(reverse(ANSWERS, args=[response.pk]), data)
    assert saved.status_code == 302
    recipients = sorted(address for mail in mailoutbox for address in mail.to)
    assert recipients == ["brief@example.nl", "een@example.nl", "thema@example.nl"]
    letter_mail = next(mail for mail in mailoutbox if mail.to == ["brief@example.nl"])
    assert letter_mail.body.count("heeft een nieuwe status") >= 12


@pytest.mark.parametrize("verdicts", [2, 5])
def test_a_stale_verdicts_form_is_refused_and_keeps_what_was_typed(
    client, people, site_tree, verdicts
):
    _letter, response = answered_letter(people, verdicts)
    client.force_login(people["clerk"])
    stale = form_data(client, response, Verdict.NOT_ADOPTED, "Mijn eigen antwoord")
    first = form_data(client, response, Verdict.ADOPTED, "Eerst opgeslagen")
    assert client.post(reverse(ANSWERS, args=[response.pk]), first).status_code == 302

    refused = client.post(reverse(ANSWERS, args=[response.pk]), stale)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "heeft de standpunten opgeslagen op" in html
    assert "Uw wijzigingen zijn daarom niet opgeslagen" in html
    assert "Mijn eigen antwoord (1)" in html  # what was typed stays on screen
    stored = list(response.answers.order_by("recommendation__number"))
    assert [item.answer for item in stored] == [
        f"Eerst opgeslagen ({n})" for n in range(1, verdicts + 1)
    ]
    assert (
        RecommendationAnswer.history.filter(
            response_id=response.pk, answer__startswith="Mijn eigen"
        ).count()
        == 0
    )


def test_a_verdicts_form_without_its_version_is_a_clear_400_not_a_silent_overwrite(
    client, people, site_tree
):
    """A post that does not say which version it edits (a script, an old tab) is refused."""
    _letter, response = answered_letter(people, 2)
    client.force_login(people["clerk"])
    data = form_data(client, response)
    del data["loaded_marker"]
    refused = client.post(reverse(ANSWERS, args=[response.pk]), data)
    assert refused.status_code == 400
    assert "Laad de pagina opnieuw" in refused.content.decode()
    assert not response.answers.exclude(verdict="").exists()


def test_an_answer_of_another_letter_cannot_be_slipped_in(client, people, site_tree):
    _letter, response = answered_letter(people, 2)
    _other, other_response = answered_letter(people, 1, reference="PR-2022-08")
    client.force_login(people["clerk"])
    data = form_data(client, response)
    data["form-0-id"] = str(other_response.answers.get().pk)
    result = client.post(reverse(ANSWERS, args=[response.pk]), data)
    assert result.status_code == 400
    assert "niet bij deze reactie horen" in result.content.decode()
    assert other_response.answers.get().verdict == ""
    assert not response.answers.exclude(verdict="").exists()
