"""New requests for advice by feed and by email (issue 13): the RSS and Atom feeds, the links
for the requests page (``pages.following``), and following by email: the form, the
confirmation, and one mail per follower when a request is registered, sent by a task after
the commit."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django import forms
from django.test import TestCase

from advices.actions.requests import RegisterRequest
from advices.models import AdviceRequest, FollowTarget, Subscription
from advices.pages.following import following_requests
from advices.pages.request_index import AdviceRequestIndexPage
from tests.advices.request_world import NOW, SECRET_EMAIL, build_request_world
from tests.factories import SecretaryFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
ADDRESS = "inwoner@example.nl"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}
FOLLOW_URL = "/volgen/adviesaanvragen/"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def requests_page(site_tree):
    home, _meetings = site_tree
    return home.add_child(
        instance=AdviceRequestIndexPage(title="Adviesaanvragen", slug="adviesaanvragen")
    )


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    return [{child.tag: (child.text or "") for child in item} for item in root.iter("item")]


# -- the feed ----------------------------------------------------------------------------------


def test_the_feed_lists_new_requests_newest_first(client, requests_page):
    build_request_world()
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        newest = AdviceRequest.objects.create(
            reference="AV-2024-02",
            subject="Leerlingenvervoer",
            questions="Wat vindt de raad van de nieuwe regels?",
            received_on=datetime.date(2024, 1, 10),
            deadline=datetime.date(2024, 2, 21),
            contact_email=SECRET_EMAIL,
        )
    items = rss_items(client, "/feeds/adviesaanvragen/")
    assert items[0]["title"] == "AV-2024-02 Leerlingenvervoer"
    assert items[0]["link"] == "http://testserver/adviesaanvragen/AV-2024-02/"
    assert items[0]["description"] == (
        "Wat vindt de raad van de nieuwe regels?\n\n"
        "Uiterste datum voor het advies: 21 februari 2024."
    )
    assert items[0]["pubDate"] == "Wed, 10 Jan 2024 13:00:00 +0000"
    assert len(items) == 7
    body = client.get("/feeds/adviesaanvragen/").content.decode()
    assert "<category>Jeugd</category>" in body and "<category>Armoede</category>" in body
    assert SECRET_EMAIL not in body and "Carla Contact" not in body
    assert newest.pk


def test_the_atom_feed_and_the_feed_without_a_requests_page(client, site_tree):
    build_request_world()
    root = ET.fromstring(client.get("/feeds/atom/adviesaanvragen/").content)
    assert root.find(f"{ATOM}title").text == "Nieuwe adviesaanvragen"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 6
    assert entries[0].find(f"{ATOM}link").get("href") == "http://testserver/"


def test_the_requests_page_gets_the_feed_and_the_follow_form(db):
    following = following_requests()
    assert following.feed.title == "Nieuwe adviesaanvragen"
    assert following.feed.rss_url == "/feeds/adviesaanvragen/"
    assert following.feed.atom_url == "/feeds/atom/adviesaanvragen/"
    assert following.discoverable == [following.feed]
    assert following.email_url == FOLLOW_URL
    assert following.email_label == "Volg nieuwe adviesaanvragen per e-mail"


# -- following by email ------------------------------------------------------------------------


class RequestForm(forms.ModelForm):
    class Meta:
        model = AdviceRequest
        fields = ["reference", "subject", "questions", "received_on", "letter_date"]


def register(reference="AV-2024-02"):
    form = RequestForm(
        {
            "reference": reference,
            "subject": "Energietoeslag",
            "questions": "Hoe kan de toeslag beter?",
            "received_on": "2024-01-09",
            "letter_date": "2024-01-08",
        }
    )
    assert form.is_valid(), form.errors
    return RegisterRequest(form, SecretaryFactory()).execute()


def links(mail):
    return re.findall(r"https?://\S+", mail.body)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def follow(client, mailoutbox, email=ADDRESS):
    page = client.get(FOLLOW_URL)
    assert page.status_code == 200
    assert "Volg de nieuwe adviesaanvragen" in page.content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(FOLLOW_URL, {"email": email}, **SAME_SITE)
    assert response.status_code == 302
    confirmation = mailoutbox[-1]
    assert "als het college de raad om advies vraagt" in confirmation.body
    confirm = next(link for link in links(confirmation) if "/volgen/bevestigen/" in link)
    assert client.get(path_of(confirm)).status_code == 200
    mailoutbox.clear()


def test_a_follower_gets_one_mail_per_new_request_after_the_commit(
    client, requests_page, mailoutbox, django_capture_on_commit_callbacks
):
    follow(client, mailoutbox)
    follow(client, mailoutbox, "tweede@example.nl")
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(FOLLOW_URL, {"email": "onbevestigd@example.nl"}, **SAME_SITE)
    mailoutbox.clear()
    assert Subscription.objects.filter(target_type=FollowTarget.REQUESTS).count() == 3

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        advice_request = register()
    assert mailoutbox == []  # nothing inside the action's transaction
    for callback in callbacks:
        callback()
    assert sorted(mail.to[0] for mail in mailoutbox) == [ADDRESS, "tweede@example.nl"]
    mail = next(mail for mail in mailoutbox if mail.to == [ADDRESS])
    assert mail.subject == "Nieuwe adviesaanvraag: AV-2024-02 Energietoeslag"
    page_link = next(link for link in links(mail) if "/adviesaanvragen/" in link)
    assert path_of(page_link) == f"/adviesaanvragen/{advice_request.reference}/"
    assert "Uiterste datum voor het advies: 20 februari 2024." in mail.body
    leave = next(link for link in links(mail) if "/volgen/afmelden/" in link)
    assert mail.extra_headers["List-Unsubscribe"] == f"<{leave}>"
    assert client.post(path_of(leave)).status_code == 200
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        register("AV-2024-03")
    assert [mail.to[0] for mail in mailoutbox] == ["tweede@example.nl"]


def test_a_request_registered_with_nobody_following_sends_nothing(
    requests_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register()
    assert mailoutbox == []


def test_only_the_one_list_of_requests_can_be_followed(client, db):
    assert client.get("/volgen/adviesaanvragen/").status_code == 200
    assert client.get("/volgen/adviesaanvragen/1/").status_code == 404
