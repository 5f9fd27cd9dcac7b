"""Following by email cannot be used to flood an address or the mail server (issue 11):
a repeated subscription sends nothing new for an hour, one address gets a few confirmation
mails at most, one client may post the form a limited number of times, and the form needs
no CSRF token, so the pages that hold it can be cached whole.

Parallel posts (ten at once, one mail) are tested against a real server in
tests/parallel/test_parallel_follow.py.
"""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from advices.models import Subscription
from tests.advices.follow_helpers import ADDRESS, post
from tests.advices.story import send_letter
from tests.factories import ThemeFactory


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Jeugd", slug="jeugd")


@pytest.fixture
def letter(people, theme):
    return send_letter(people, "PR-2022-07", recommendations=2, themes=[theme])


def sent_page(client, response):
    assert response.status_code == 302, response.status_code
    assert response["Location"] == "/volgen/bevestig-uw-e-mail/"
    return client.get(response["Location"]).content.decode()


def test_a_repeat_within_the_hour_sends_nothing_and_looks_the_same(client, letter, mailoutbox):
    url = f"/volgen/advies/{letter.pk}/"
    first = sent_page(client, post(client, url))
    for address in (ADDRESS, " INWONER@example.nl ", ADDRESS):
        assert sent_page(client, post(client, url, address)) == first
    assert [mail.to for mail in mailoutbox] == [[ADDRESS]]
    assert "Meldde u zich net al aan? Dan krijgt u binnen 1 uur geen nieuwe e-mail" in first

    # After the hour a new request sends a new link (the first may have been lost).
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, minutes=1)):
        assert sent_page(client, post(client, url)) == first
    assert len(mailoutbox) == 2
    assert Subscription.objects.count() == 1


def test_a_confirmed_follower_gets_no_new_confirmation_mail(client, letter, mailoutbox):
    url = f"/volgen/advies/{letter.pk}/"
    post(client, url)
    link = re.search(r"https?://\S+/volgen/bevestigen/\S+", mailoutbox[0].body).group(0)
    client.get(re.sub(r"^https?://[^/]+", "", link))
    mailoutbox.clear()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        assert post(client, url).status_code == 302
    assert mailoutbox == []
    assert Subscription.objects.get().is_confirmed


def test_one_address_gets_a_few_mails_at_most(client, letter, settings, mailoutbox):
    settings.ADVICES_FOLLOW_MAILS_PER_ADDRESS = 2
    first, second = letter.recommendations.order_by("number")
    urls = [
        f"/volgen/aanbeveling/{first.pk}/",
        f"/volgen/aanbeveling/{second.pk}/",
        f"/volgen/advies/{letter.pk}/",
        "/volgen/thema/jeugd/",
    ]
    pages = {sent_page(client, post(client, url)) for url in urls}
    assert len(pages) == 1  # the same page each time: nothing shows the limit was reached
    assert len(mailoutbox) == 2
    # Another address is not affected.
    post(client, urls[-1], "buur@example.nl")
    assert [mail.to for mail in mailoutbox][-1] == ["buur@example.nl"]


def test_too_many_posts_from_one_client_get_a_clear_page(client, letter, settings, mailoutbox):
    settings.ADVICES_FOLLOW_POSTS_PER_CLIENT = 3
    url = f"/volgen/advies/{letter.pk}/"
    for number in range(3):
        assert post(client, url, f"persoon{number}@example.nl").status_code == 302
    response = post(client, url, "nog-een@example.nl")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "U heeft dit formulier vaak achter elkaar verstuurd." in html
    assert 'value="nog-een@example.nl"' in html  # what was typed is kept
    assert len(mailoutbox) == 3
    assert not Subscription.objects.filter(email="nog-een@example.nl").exists()
    # Another client is not affected.
    other = post(client, url, "ander@example.nl", REMOTE_ADDR="192.0.2.99")
    assert other.status_code == 302


def test_behind_a_trusted_proxy_the_client_is_what_the_proxy_saw(client, letter, settings):
    settings.ADVICES_FOLLOW_POSTS_PER_CLIENT = 2
    settings.TRUSTED_PROXY_COUNT = 1
    url = f"/volgen/advies/{letter.pk}/"

    def from_client(address, number, spoofed="198.51.100.1"):
        # The proxy appends the address it saw; anything before it the client wrote itself.
        forwarded = f"{spoofed}, {address}"
        return post(client, url, f"p{number}@example.nl", HTTP_X_FORWARDED_FOR=forwarded)

    assert from_client("203.0.113.7", 1).status_code == 302
    # Changing the part the client writes itself does not make a new client.
    assert from_client("203.0.113.7", 2, spoofed="198.51.100.2").status_code == 302
    assert from_client("203.0.113.7", 3, spoofed="198.51.100.3").status_code == 429
    # Another client behind the same proxy has its own count.
    assert from_client("203.0.113.8", 4).status_code == 302


def test_pages_with_the_follow_form_set_no_csrf_cookie(index, letter, theme):
    """The follow box sits on letter, recommendation and theme pages; without a CSRF token
    those pages are the same for every anonymous visitor, so a page cache may keep them."""
    client = Client(enforce_csrf_checks=True)
    for url in (
        index.letter_url(letter),
        index.recommendation_url(letter, 1),
        index.theme_url(theme),
        f"/volgen/advies/{letter.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        if "/adviezen/PR-" in url:
            assert "Volgen per e-mail" in html, url
        assert "csrfmiddlewaretoken" not in html, url
        assert "csrftoken" not in response.cookies, url
        assert not response.wsgi_request.META.get("CSRF_COOKIE_NEEDS_UPDATE"), url
        assert not response.wsgi_request.META.get("CSRF_COOKIE_USED"), url
