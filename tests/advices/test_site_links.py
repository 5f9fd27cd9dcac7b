"""Every absolute link comes from the site's address: the request's where there is one, the
Wagtail Site's in mails composed by a background task (home/site_address.py)."""

import csv
import datetime
import io
import json

import pytest
from django.core import mail
from wagtail.models import Site

from advices.lifecycle.statuses import Verdict
from advices.notify import tasks
from tests.advices.story import reply, send_letter, set_verdict
from tests.factories import SubscriptionFactory

VISITOR_HOST = "raad.example.org"


@pytest.fixture
def letter(index, people):
    return send_letter(people, "PR-2022-07", recommendations=2)


@pytest.fixture
def configured_site(index):
    """The default Site as an administrator configures it (Settings > Sites)."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "advies.example.nl", 8443
    site.save()
    return site


def test_permalink_of_a_recommendation_is_on_the_host_the_visitor_used(
    client, letter, configured_site
):
    response = client.get("/adviezen/PR-2022-07/aanbeveling/1/", HTTP_HOST=VISITOR_HOST)
    assert response.status_code == 200
    permalink = f"http://{VISITOR_HOST}/adviezen/PR-2022-07/aanbeveling/1/"
    assert f">{permalink}</a>" in response.content.decode()
    assert "localhost" not in response.content.decode()


def test_csv_and_json_urls_are_on_the_host_the_visitor_used(client, letter, configured_site):
    expected = {
        f"http://{VISITOR_HOST}/adviezen/PR-2022-07/aanbeveling/{number}/" for number in (1, 2)
    }
    response = client.get("/open-data/aanbevelingen.csv", HTTP_HOST=VISITOR_HOST)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    assert {row["url"] for row in rows} == expected

    response = client.get("/open-data/aanbevelingen.json", HTTP_HOST=VISITOR_HOST)
    document = json.loads(b"".join(response.streaming_content))
    assert {row["url"] for row in document["aanbevelingen"]} == expected


def test_feed_links_are_on_the_host_the_visitor_used(client, letter, configured_site):
    body = client.get("/feeds/adviezen/", HTTP_HOST=VISITOR_HOST).content.decode()
    assert f"<link>http://{VISITOR_HOST}/adviezen/PR-2022-07/</link>" in body
    assert "localhost" not in body and "advies.example.nl" not in body


def test_a_follower_mail_composed_by_a_task_carries_the_sites_address(
    letter, people, configured_site, mailoutbox, django_capture_on_commit_callbacks
):
    recommendation = letter.recommendations.get(number=1)
    SubscriptionFactory(
        email="volger@example.nl",
        followed=recommendation,
        confirmed_at=datetime.datetime(2022, 7, 1, tzinfo=datetime.UTC),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(letter, people["clerk"])
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        set_verdict(response, recommendation, Verdict.ADOPTED, people["clerk"], (2022, 7, 16, 9))

    (message,) = mailoutbox
    # No request: the Site's host and port; https, as any port but 80 on a real host name.
    site = "https://advies.example.nl:8443"
    assert f"{site}/adviezen/PR-2022-07/aanbeveling/1/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{site}/volgen/afmelden/")
    assert f"{site}/volgen/afmelden/" in message.body
    assert "localhost" not in message.body


def test_a_confirmation_mail_links_to_the_host_the_visitor_used(
    client, letter, configured_site, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/volgen/advies/{letter.pk}/",
            {"email": "nieuw@example.nl"},
            HTTP_HOST=VISITOR_HOST,
            HTTP_ORIGIN=f"http://{VISITOR_HOST}",
        )
    assert response.status_code == 302
    (message,) = mailoutbox
    assert f"http://{VISITOR_HOST}/volgen/bevestigen/" in message.body


def test_the_confirmation_task_without_a_request_uses_the_sites_address(
    letter, configured_site, mailoutbox
):
    subscription = SubscriptionFactory(email="later@example.nl", followed=letter)
    tasks.mail_confirmation.enqueue(subscription.pk)
    (message,) = mailoutbox
    assert "https://advies.example.nl:8443/volgen/bevestigen/" in message.body


def secretariat_mail_of_a_reply(letter, people, capture):
    """The notice to the secretariat that the college replied: ``(mail, response)``."""
    people["secretary"].email = "secretariaat@example.org"
    people["secretary"].save()
    mail.outbox.clear()
    with capture(execute=True):
        response = reply(letter, people["clerk"])
    (message,) = [m for m in mail.outbox if m.to == ["secretariaat@example.org"]]
    return message, response


def test_the_secretariat_mail_links_to_the_admin_on_the_sites_address(
    letter, people, configured_site, settings, django_capture_on_commit_callbacks
):
    # No separate admin address configured: the admin is on the site.
    settings.WAGTAILADMIN_BASE_URL = ""
    message, response = secretariat_mail_of_a_reply(
        letter, people, django_capture_on_commit_callbacks
    )
    admin = "https://advies.example.nl:8443/admin/snippets/advices/collegeresponse/edit/"
    assert f"{admin}{response.pk}/" in message.body


def test_a_configured_admin_address_is_used_for_admin_links(
    letter, people, configured_site, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://beheer.example.nl/"
    message, _response = secretariat_mail_of_a_reply(
        letter, people, django_capture_on_commit_callbacks
    )
    assert "https://beheer.example.nl/admin/" in message.body
