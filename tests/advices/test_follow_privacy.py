"""Privacy (AVG) of following by email: an unconfirmed subscription is deleted when its link
expires (``manage.py delete_expired_subscriptions``, daily), an unsubscribe deletes the
address, and anyone can have what is stored about their address mailed to it, without the
page telling whether the address is known."""

import datetime
import io
import re

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from advices.models import Subscription
from tests.advices.follow_helpers import ADDRESS, post
from tests.advices.story import send_letter
from tests.factories import ThemeFactory

MY_DATA = "/volgen/mijn-gegevens/"


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Jeugd", slug="jeugd")


@pytest.fixture
def letter(people, theme):
    return send_letter(people, "PR-2022-07", recommendations=2, themes=[theme])


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def link_in(mail, part):
    return next(link for link in re.findall(r"https?://\S+", mail.body) if part in link)


def delete_expired():
    out = io.StringIO()
    call_command("delete_expired_subscriptions", stdout=out)
    return out.getvalue()


# -- expiry of unconfirmed subscriptions ------------------------------------------------------


def test_an_unconfirmed_subscription_is_deleted_once_its_link_expires(
    client, letter, theme, mailoutbox
):
    post(client, f"/volgen/advies/{letter.pk}/", email="vergeten@example.nl")
    post(client, f"/volgen/thema/{theme.slug}/", email="bevestigd@example.nl")
    client.get(path_of(link_in(mailoutbox[-1], "/volgen/bevestigen/")))
    start = timezone.now()

    # While the link works, nothing goes.
    with time_machine.travel(start + datetime.timedelta(days=6, hours=23)):
        assert "deleted: 0" in delete_expired()
    assert Subscription.objects.count() == 2

    with time_machine.travel(start + datetime.timedelta(days=7, hours=1)):
        assert "deleted: 1" in delete_expired()
        # Run again (a timer that fires twice): nothing more to delete.
        assert "deleted: 0" in delete_expired()
    assert list(Subscription.objects.values_list("email", flat=True)) == ["bevestigd@example.nl"]


def test_the_term_is_the_setting(client, letter, settings, mailoutbox):
    settings.ADVICES_FOLLOW_CONFIRM_DAYS = 2
    post(client, f"/volgen/advies/{letter.pk}/")
    assert "De link werkt 2 dagen." in mailoutbox[0].body
    link = path_of(link_in(mailoutbox[0], "/volgen/bevestigen/"))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2, hours=1)):
        response = client.get(link)
        assert response.status_code == 400
        assert "werkt 2 dagen" in response.content.decode()
        assert "deleted: 1" in delete_expired()
    assert not Subscription.objects.exists()


def test_a_new_mail_gives_the_subscription_a_new_term(client, letter, mailoutbox):
    url = f"/volgen/advies/{letter.pk}/"
    post(client, url)
    later = timezone.now() + datetime.timedelta(days=5)
    with time_machine.travel(later):
        post(client, url)  # asked again after the follow window: a new link, a new term
    assert len(mailoutbox) == 2
    with time_machine.travel(later + datetime.timedelta(days=6)):
        assert "deleted: 0" in delete_expired()
    with time_machine.travel(later + datetime.timedelta(days=7, hours=1)):
        assert "deleted: 1" in delete_expired()


# -- unsubscribing deletes the address ---------------------------------------------------------


def test_unsubscribing_deletes_the_address(client, letter, theme, mailoutbox):
    post(client, f"/volgen/advies/{letter.pk}/")
    post(client, f"/volgen/thema/{theme.slug}/")
    for mail in mailoutbox:
        client.get(path_of(link_in(mail, "/volgen/bevestigen/")))
    unsubscribe_links = [
        path_of(link)
        for link in re.findall(r"https?://\S+/volgen/afmelden/\S+", mail_body(client, mailoutbox))
    ]
    assert len(unsubscribe_links) == 2

    response = client.post(unsubscribe_links[0])
    assert "We hebben uw e-mailadres hiervoor gewist." in response.content.decode()
    assert Subscription.objects.filter(email=ADDRESS).count() == 1
    client.post(unsubscribe_links[1])
    assert not Subscription.objects.filter(email__iexact=ADDRESS).exists()


def mail_body(client, mailoutbox):
    """The data mail for ADDRESS: it holds an unsubscribe link per subscription."""
    mailoutbox.clear()
    post(client, MY_DATA)
    assert len(mailoutbox) == 1
    return mailoutbox[0].body


# -- what is stored about me ---------------------------------------------------------------------


def test_the_data_mail_lists_every_subscription_of_the_address(
    client, index, letter, theme, mailoutbox
):
    first = letter.recommendations.order_by("number").first()
    with time_machine.travel(datetime.datetime(2022, 6, 17, 10, tzinfo=datetime.UTC)):
        post(client, f"/volgen/aanbeveling/{first.pk}/")
        client.get(path_of(link_in(mailoutbox[-1], "/volgen/bevestigen/")))
        post(client, f"/volgen/thema/{theme.slug}/")  # never confirmed
        post(client, "/volgen/adviesaanvragen/", email="iemand.anders@example.nl")
        mailoutbox.clear()

        response = post(client, MY_DATA, email=" Inwoner@Example.nl ")
    assert response.status_code == 302
    assert response["Location"] == "/volgen/mijn-gegevens/verstuurd/"
    [mail] = mailoutbox
    assert mail.to == [ADDRESS]
    body = mail.body
    assert "U volgt 2 dingen per e-mail." in body
    assert f"Aanbeveling {first.label}" in body
    assert f"Pagina: http://localhost/adviezen/PR-2022-07/aanbeveling/{first.number}/" in body
    assert "Het thema Jeugd" in body
    assert "Aangemeld op: 17 juni 2022" in body
    assert "Bevestigd op: 17 juni 2022" in body
    assert "De link om te bevestigen werkt tot 24 juni 2022." in body
    assert len(re.findall(r"/volgen/afmelden/", body)) == 2
    # Nothing about anyone else.
    assert "iemand.anders" not in body
    assert "adviesaanvragen" not in body


def test_an_unknown_address_gets_the_same_page_and_a_mail_that_says_so(client, letter, mailoutbox):
    post(client, f"/volgen/advies/{letter.pk}/")
    mailoutbox.clear()
    known = post(client, MY_DATA)
    unknown = post(client, MY_DATA, email="onbekend@example.nl")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    page = client.get(unknown["Location"]).content.decode()
    assert "Kijk in uw mailbox" in page
    assert "onbekend@example.nl" not in page
    assert [mail.to for mail in mailoutbox] == [[ADDRESS], ["onbekend@example.nl"]]
    assert "Wij bewaren geen gegevens over dit e-mailadres." in mailoutbox[1].body
    assert "/volgen/afmelden/" not in mailoutbox[1].body


def test_the_data_mail_costs_a_fixed_number_of_queries(
    client, index, people, theme, settings, mailoutbox, django_assert_max_num_queries
):
    settings.ADVICES_FOLLOW_POSTS_PER_CLIENT = 100
    settings.ADVICES_FOLLOW_MAILS_PER_ADDRESS = 100
    letters = [send_letter(people, f"PR-2022-{n:02d}", recommendations=3) for n in range(1, 6)]
    for letter in letters:
        post(client, f"/volgen/advies/{letter.pk}/")
        for recommendation in letter.recommendations.all():
            post(client, f"/volgen/aanbeveling/{recommendation.pk}/")
    post(client, f"/volgen/thema/{theme.slug}/")
    post(client, "/volgen/adviesaanvragen/")
    mailoutbox.clear()
    with django_assert_max_num_queries(12):
        post(client, MY_DATA)
    assert "U volgt 22 dingen per e-mail." in mailoutbox[0].body


def test_the_data_request_page_is_plain_dutch_and_refuses_bad_input_kindly(client, db):
    page = client.get(MY_DATA)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Welke gegevens bewaren wij over u?" in html
    assert 'autocomplete="email"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not page.cookies

    response = post(client, MY_DATA, email="geen-adres")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een e-mailadres in zoals naam@voorbeeld.nl." in html
    assert 'value="geen-adres"' in html


def test_a_data_request_from_another_site_is_refused(db, client, mailoutbox):
    response = post(client, MY_DATA, HTTP_ORIGIN="https://elders.example")
    assert response.status_code == 403
    assert "Uw vraag is niet verstuurd" in response.content.decode()
    assert mailoutbox == []


def test_data_requests_are_limited_like_the_follow_form(client, letter, settings, mailoutbox):
    settings.ADVICES_FOLLOW_MAILS_PER_ADDRESS = 2
    settings.ADVICES_FOLLOW_POSTS_PER_CLIENT = 4
    post(client, f"/volgen/advies/{letter.pk}/")  # the first mail to this address
    for _ in range(2):
        assert post(client, MY_DATA).status_code == 302
    # Per address: the follow form's mail and the data mails count together.
    assert len(mailoutbox) == 2
    assert post(client, MY_DATA).status_code == 302  # the same page, but no third mail
    assert len(mailoutbox) == 2
    # Per client: the fifth post of either form is refused, with the address kept.
    response = post(client, MY_DATA)
    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert "U heeft dit formulier vaak achter elkaar verstuurd" in html
    assert f'value="{ADDRESS}"' in html
    assert len(mailoutbox) == 2
