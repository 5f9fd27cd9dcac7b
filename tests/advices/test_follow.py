"""Follow by email without an account: subscribe, confirm, get mail on change, unsubscribe."""

import datetime
import logging
import re

import pytest
import time_machine
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client, TestCase
from django.utils import timezone

from advices.actions import transition
from advices.models import (
    CollegeResponse,
    FollowTarget,
    FollowUpState,
    LetterStatus,
    Subscription,
    Verdict,
)
from advices.notify.subscriptions import UNSUBSCRIBE_SALT, make_token
from tests.advices.story import (
    follow_up,
    reply,
    send_letter,
    set_verdict,
)
from tests.factories import ThemeFactory, make_letter

ADDRESS = "inwoner@example.nl"
# What a browser sends with a form posted from one of the site's own pages.
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Jeugd", slug="jeugd")


@pytest.fixture
def letter(people, theme):
    return send_letter(people, "PR-2022-07", recommendations=2, themes=[theme])


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the callbacks of ``transaction.on_commit`` as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def links(mail):
    return re.findall(r"https?://\S+", mail.body)


def confirm_link(mail):
    return next(link for link in links(mail) if "/volgen/bevestigen/" in link)


def unsubscribe_link(mail):
    return next(link for link in links(mail) if "/volgen/afmelden/" in link)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def subscribe(client, url, email=ADDRESS):
    """Post the form from the site's own page; the confirmation mail is a task enqueued on
    commit, so run those."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, {"email": email}, **SAME_SITE)


def confirmed_follower(client, url, mailoutbox, email=ADDRESS):
    assert subscribe(client, url, email).status_code == 302
    assert client.get(path_of(confirm_link(mailoutbox[-1]))).status_code == 200
    mailoutbox.clear()


def give_verdict(letter, people, on_commit, number=1, verdict=Verdict.ADOPTED):
    recommendation = letter.recommendations.get(number=number)
    with on_commit():
        response = letter.college_response if hasattr(letter, "college_response") else None
        if response is None:
            response = reply(letter, people["clerk"])
    with on_commit():
        set_verdict(response, recommendation, verdict, people["clerk"], (2022, 7, 16 + number, 9))
    return recommendation


def test_the_whole_flow(index, letter, people, mailoutbox, on_commit):
    client = Client(enforce_csrf_checks=True)
    recommendation = letter.recommendations.get(number=1)
    page = client.get(index.recommendation_url(letter, 1))
    html = page.content.decode()
    action = f"/volgen/aanbeveling/{recommendation.pk}/"
    assert f'action="{action}"' in html
    assert "Volgen per e-mail" in html

    # No CSRF token in the form (the page stays cacheable); a post from another site is
    # refused, one from the site's own page goes through without a token.
    assert "csrfmiddlewaretoken" not in html
    assert (
        client.post(action, {"email": ADDRESS}, HTTP_ORIGIN="https://elders.example").status_code
        == 403
    )
    with on_commit():
        response = client.post(action, {"email": ADDRESS}, **SAME_SITE)
    assert response.status_code == 302
    assert response["Location"] == "/volgen/bevestig-uw-e-mail/"
    assert "Kijk in uw mailbox" in client.get(response["Location"]).content.decode()

    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.target_type, subscription.target_id) == (
        ADDRESS,
        FollowTarget.RECOMMENDATION,
        recommendation.pk,
    )
    assert not subscription.is_confirmed
    (mail,) = mailoutbox
    assert mail.to == [ADDRESS]
    assert mail.subject == "Bevestig dat u aanbeveling 2022-07 / 1 wilt volgen"
    assert "De link werkt 7 dagen." in mail.body

    confirmed = client.get(path_of(confirm_link(mail)))
    assert confirmed.status_code == 200
    assert "Gelukt: u volgt het nu" in confirmed.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    mailoutbox.clear()

    # The reply moves the letter, not the recommendation: nothing for this follower.
    with on_commit():
        response = reply(letter, people["clerk"])
    assert mailoutbox == []
    # The verdict changes the recommendation's public status: one mail.
    with on_commit():
        set_verdict(response, recommendation, Verdict.ADOPTED, people["clerk"], (2022, 7, 16, 9))
    (mail,) = mailoutbox
    assert mail.to == [ADDRESS]
    assert mail.subject == "Nieuws over aanbeveling 2022-07 / 1"
    assert (
        "Aanbeveling 2022-07 / 1 heeft een nieuwe status: Standpunt gegeven (Overgenomen) "
        "(was: Reactie ontvangen, geen standpunt)." in mail.body
    )
    assert "http://localhost/adviezen/PR-2022-07/aanbeveling/1/" in mail.body
    leave = unsubscribe_link(mail)
    assert mail.extra_headers["List-Unsubscribe"] == f"<{leave}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    mailoutbox.clear()

    # Opening the link asks first (a mail scanner opens every link); the button unsubscribes.
    asked = client.get(path_of(leave))
    assert asked.status_code == 200
    assert "Wilt u geen e-mail meer krijgen over aanbeveling 2022-07 / 1?" in asked.content.decode()
    assert '<form method="post">' in asked.content.decode()
    # A page whose URL holds a token: kept out of search engines and other sites' logs.
    assert '<meta name="robots" content="noindex">' in asked.content.decode()
    assert '<meta name="referrer" content="no-referrer">' in asked.content.decode()
    assert Subscription.objects.exists()
    left = client.post(path_of(leave))
    assert left.status_code == 200
    assert "U bent afgemeld" in left.content.decode()
    assert not Subscription.objects.exists()

    with on_commit():
        follow_up(recommendation, FollowUpState.DONE, datetime.date(2022, 9, 1), people["clerk"])
    assert mailoutbox == []


def test_unconfirmed_subscriptions_get_no_status_mail(
    client, letter, people, mailoutbox, on_commit
):
    recommendation = letter.recommendations.get(number=1)
    subscribe(client, f"/volgen/aanbeveling/{recommendation.pk}/")
    subscribe(client, f"/volgen/advies/{letter.pk}/")
    subscribe(client, "/volgen/thema/jeugd/")
    assert Subscription.objects.filter(confirmed_at__isnull=True).count() == 3
    mailoutbox.clear()
    give_verdict(letter, people, on_commit)
    assert mailoutbox == []


def test_double_submit_keeps_one_subscription(client, letter, mailoutbox):
    url = f"/volgen/advies/{letter.pk}/"
    assert subscribe(client, url).status_code == 302
    assert subscribe(client, url, email="  Inwoner@Example.NL ").status_code == 302
    assert Subscription.objects.count() == 1
    assert Subscription.objects.get().email == ADDRESS
    # The second submit, within the hour, sends no second mail; the first link works.
    (mail,) = mailoutbox
    assert client.get(path_of(confirm_link(mail))).status_code == 200
    assert Subscription.objects.get().is_confirmed


def test_subscribe_again_after_confirming_stays_confirmed(client, letter, mailoutbox):
    url = f"/volgen/advies/{letter.pk}/"
    confirmed_follower(client, url, mailoutbox)
    assert subscribe(client, url).status_code == 302
    assert Subscription.objects.get().is_confirmed


def test_a_bad_address_is_explained(client, letter, mailoutbox):
    response = subscribe(client, f"/volgen/advies/{letter.pk}/", email="geen-adres")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in html
    assert 'aria-invalid="true"' in html
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_the_form_page_works_without_the_page_around_it(client, letter, theme):
    html = client.get(f"/volgen/advies/{letter.pk}/").content.decode()
    assert "Volg het advies PR-2022-07 ‘Sterke sociale basis’" in html
    assert "Volg het thema Jeugd" in client.get("/volgen/thema/jeugd/").content.decode()


def test_drafts_and_unknown_things_cannot_be_followed(client, people, letter):
    draft = make_letter(recommendations=1, reference="PR-2023-01", status=LetterStatus.ADOPTED)
    draft_recommendation = draft.recommendations.get()
    for url in (
        f"/volgen/advies/{draft.pk}/",
        f"/volgen/aanbeveling/{draft_recommendation.pk}/",
        "/volgen/advies/999999/",
        "/volgen/thema/bestaat-niet/",
    ):
        assert client.get(url).status_code == 404, url
        assert subscribe(client, url).status_code == 404, url
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    "token",
    ["onzin", "a:b:c", "", "eyJhIjoxfQ:1abcde:xyz"],
)
def test_a_bad_token_gives_a_clear_page(client, db, token):
    for url in (f"/volgen/bevestigen/{token}/", f"/volgen/afmelden/{token}/"):
        if not token:
            assert client.get(url).status_code == 404  # no token: no such page
            continue
        answers = [client.get(url)] + ([client.post(url)] if "afmelden" in url else [])
        for response in answers:
            assert response.status_code == 400, url
            html = response.content.decode()
            assert "Deze link klopt niet" in html
            assert "Er is niets veranderd aan wat u volgt." in html


def test_a_tampered_token_gives_a_clear_page(client, letter, mailoutbox):
    subscribe(client, f"/volgen/advies/{letter.pk}/")
    good = path_of(confirm_link(mailoutbox[0])).rstrip("/").rsplit("/", 1)[1]
    # Signed for another purpose: an unsubscribe token does not confirm, and the reverse.
    subscription = Subscription.objects.get()
    wrong_purpose = make_token(subscription, UNSUBSCRIBE_SALT)
    for token in (good[:-2] + ("AA" if not good.endswith("AA") else "BB"), wrong_purpose):
        response = client.get(f"/volgen/bevestigen/{token}/")
        assert response.status_code == 400
        assert "Deze link klopt niet" in response.content.decode()
    for send in (client.get, client.post):
        response = send(f"/volgen/afmelden/{good}/")
        assert response.status_code == 400
    assert Subscription.objects.exists()
    assert not Subscription.objects.get().is_confirmed


def test_an_expired_confirmation_link_gives_a_clear_page(client, letter, mailoutbox):
    subscribe(client, f"/volgen/advies/{letter.pk}/")
    link = path_of(confirm_link(mailoutbox[0]))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6, hours=23)):
        assert client.get(link).status_code == 200
    Subscription.objects.update(confirmed_at=None)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, hours=1)):
        response = client.get(link)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze link is verlopen" in html
    assert "Meld u opnieuw aan" in html
    assert not Subscription.objects.get().is_confirmed


def test_the_unsubscribe_link_does_not_expire(client, letter, people, mailoutbox, on_commit):
    subscribe(client, f"/volgen/advies/{letter.pk}/")
    confirm = path_of(confirm_link(mailoutbox[0]))
    client.get(confirm)
    give_verdict(letter, people, on_commit)
    leave = path_of(unsubscribe_link(mailoutbox[-1]))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=800)):
        assert client.post(leave).status_code == 200
    assert not Subscription.objects.exists()
    # Opened or clicked again, it finds nothing to delete and still says so kindly.
    assert "U bent afgemeld" in client.get(leave).content.decode()
    assert "U bent afgemeld" in client.post(leave).content.decode()
    # The confirmation link of a removed subscription does not bring it back.
    response = client.get(confirm)
    assert response.status_code == 400
    assert "Deze aanmelding bestaat niet meer" in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://elders.example"},
        {"HTTP_ORIGIN": "http://testserver.elders.example"},
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame, or a page that sends no referrer
        {"HTTP_REFERER": "https://elders.example/pagina/"},
        {},  # neither header: not a browser on one of our pages
    ],
    ids=["other-site", "look-alike", "null", "other-referer", "no-origin"],
)
def test_a_post_from_another_site_gets_a_clear_page_and_saves_nothing(letter, mailoutbox, headers):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/volgen/advies/{letter.pk}/", {"email": ADDRESS}, **headers)
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "Uw aanmelding is niet verstuurd: ze kwam niet van een pagina van deze website." in html
    assert "Er is niets opgeslagen." in html
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_a_post_with_the_sites_own_referer_and_no_origin_goes_through(letter, mailoutbox):
    client = Client(enforce_csrf_checks=True)
    url = f"/volgen/advies/{letter.pk}/"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"email": ADDRESS}, HTTP_REFERER=f"http://testserver{url}")
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_other_forms_keep_their_csrf_check(letter):
    """Only the follow form goes without a token: the admin's login form still needs one."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/admin/login/", {"username": "x", "password": "y"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 403


def test_one_click_unsubscribe_by_post_needs_no_csrf_token(letter, people, mailoutbox, on_commit):
    client = Client(enforce_csrf_checks=True)
    follow_url = f"/volgen/advies/{letter.pk}/"
    with on_commit():
        client.post(follow_url, {"email": ADDRESS}, **SAME_SITE)
    client.get(path_of(confirm_link(mailoutbox[0])))
    give_verdict(letter, people, on_commit)
    leave = path_of(unsubscribe_link(mailoutbox[-1]))
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(leave, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_who_gets_what(client, index, letter, people, theme, mailoutbox, on_commit):
    first = letter.recommendations.get(number=1)
    second = letter.recommendations.get(number=2)
    other_theme_letter = send_letter(
        people, "PR-2022-09", recommendations=1, themes=[ThemeFactory(slug="ouderen")]
    )
    confirmed_follower(client, f"/volgen/aanbeveling/{first.pk}/", mailoutbox, "een@example.nl")
    confirmed_follower(client, f"/volgen/aanbeveling/{second.pk}/", mailoutbox, "twee@example.nl")
    confirmed_follower(client, f"/volgen/advies/{letter.pk}/", mailoutbox, "brief@example.nl")
    confirmed_follower(client, "/volgen/thema/jeugd/", mailoutbox, "thema@example.nl")
    # Follows the recommendation and the letter: one mail each time, not two.
    confirmed_follower(client, f"/volgen/aanbeveling/{first.pk}/", mailoutbox, "alles@example.nl")
    confirmed_follower(client, f"/volgen/advies/{letter.pk}/", mailoutbox, "alles@example.nl")

    # The reply: the letter becomes beantwoord; no recommendation changes.
    with on_commit():
        response = reply(letter, people["clerk"])
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "alles@example.nl",
        "brief@example.nl",
        "thema@example.nl",
    ]
    letter_mail = next(mail for mail in mailoutbox if mail.to == ["brief@example.nl"])
    assert letter_mail.subject == "Nieuws over het advies PR-2022-07 ‘Sterke sociale basis’"
    assert "heeft een nieuwe status: Beantwoord (was: Verzonden)." in letter_mail.body
    theme_mail = next(mail for mail in mailoutbox if mail.to == ["thema@example.nl"])
    assert theme_mail.subject == "Nieuws over het thema Jeugd"
    mailoutbox.clear()

    # A verdict on the first recommendation.
    with on_commit():
        set_verdict(response, first, Verdict.PARTLY_ADOPTED, people["clerk"], (2022, 7, 16, 9))
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "alles@example.nl",
        "brief@example.nl",
        "een@example.nl",
        "thema@example.nl",
    ]
    mailoutbox.clear()

    # Something in a letter of another theme: none of them.
    give_verdict(other_theme_letter, people, on_commit)
    assert mailoutbox == []

    # A follow-up that does not change the public status sends nothing.
    with on_commit():
        follow_up(first, FollowUpState.IN_PROGRESS, datetime.date(2022, 9, 1), people["clerk"])
    mailoutbox.clear()
    with on_commit():
        follow_up(first, FollowUpState.PLANNED, datetime.date(2022, 9, 2), people["clerk"])
    assert mailoutbox == []


class RefusingMailServer(BaseEmailBackend):
    """A mail server that is down: each message handed to it is noted, then refused."""

    attempts = []

    def send_messages(self, messages):
        RefusingMailServer.attempts.extend(messages)
        raise ConnectionRefusedError("geen mailserver")


def test_a_failing_mail_server_does_not_break_the_recording(
    client, letter, people, mailoutbox, on_commit, settings, caplog
):
    confirmed_follower(client, f"/volgen/advies/{letter.pk}/", mailoutbox)
    settings.EMAIL_BACKEND = f"{__name__}.RefusingMailServer"
    RefusingMailServer.attempts.clear()

    with on_commit():
        reply(letter, people["clerk"])

    # The follower's mail about the reply was really tried, and the server refused it ...
    tried = [mail for mail in RefusingMailServer.attempts if mail.to == [ADDRESS]]
    assert tried, "no mail to the follower was even tried"
    assert all("nieuwe status: Beantwoord (was: Verzonden)." in mail.body for mail in tried)
    assert mailoutbox == []
    assert any(record.levelno >= logging.ERROR for record in caplog.records)
    # ... and the reply stands, recorded, with the letter answered.
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ANSWERED
    assert CollegeResponse.objects.filter(letter=letter).exists()


def test_stale_unconfirmed_subscriptions_are_removed(client, letter, mailoutbox):
    subscribe(client, f"/volgen/advies/{letter.pk}/", email="oud@example.nl")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        subscribe(client, f"/volgen/advies/{letter.pk}/", email="nieuw@example.nl")
    assert list(Subscription.objects.values_list("email", flat=True)) == ["nieuw@example.nl"]


def test_theme_followers_hear_of_a_newly_sent_letter(
    client, letter, people, theme, mailoutbox, on_commit
):
    confirmed_follower(client, f"/volgen/thema/{theme.slug}/", mailoutbox)
    draft = make_letter(recommendations=1, reference="PR-2022-08", subject="Armoede en meedoen")
    draft.themes.set([theme])
    draft.save()
    with on_commit():
        for action in ("propose", "adopt"):
            transition(draft, action, people["secretary"])
    assert mailoutbox == []  # nothing public yet
    with on_commit():
        transition(draft, "send", people["secretary"])
    assert [mail.to for mail in mailoutbox] == [[ADDRESS]]
    assert "PR-2022-08" in mailoutbox[0].body
    assert "Verzonden" in mailoutbox[0].body
