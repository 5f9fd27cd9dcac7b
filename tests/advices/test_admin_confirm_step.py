"""Adopting and sending ask first: a confirmation screen says what will happen and shows the
PDF; after sending, the admin links to the public page and the stored PDF; a double submit of
the confirmation does nothing twice; a letter changed after the screen opened is not adopted."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from advices.models import AdviceLetter, LetterStatus, SentLetterPdf
from tests.advices.admin_forms import confirm_step, confirm_url, letter_form_data
from tests.factories import SubscriptionFactory, ThemeFactory, make_letter

STATUS = "wagtailsnippets_advices_adviceletter:status"
EDIT = "wagtailsnippets_advices_adviceletter:edit"
PDF_PREVIEW = "wagtailsnippets_advices_adviceletter:pdf_preview"


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Armoede", slug="armoede")


@pytest.fixture
def adopted(secretary, index, theme):
    return make_letter(
        recommendations=2,
        status=LetterStatus.ADOPTED,
        user=secretary,
        themes=[theme],
        addressee="Aan het college van burgemeester en wethouders van de gemeente Testdorp",
    )


def status_page(client, letter):
    return client.get(reverse(STATUS, args=[letter.pk])).content.decode()


def test_the_status_page_offers_a_confirmation_screen_not_a_one_click_send(
    client, secretary, adopted
):
    client.force_login(secretary)
    html = status_page(client, adopted)
    assert confirm_url(adopted, "send") in html
    assert 'value="send"' not in html  # no form that sends at once


def test_the_confirmation_screen_says_what_sending_does_and_shows_the_pdf(
    client, secretary, adopted, theme
):
    SubscriptionFactory(followed=theme, email="inwoner@example.nl")
    SubscriptionFactory(followed=theme, email="buur@example.nl")
    SubscriptionFactory(followed=theme, email="nog-niet@example.nl", confirmed_at=None)
    client.force_login(secretary)
    response = client.get(confirm_url(adopted, "send"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aan het college van burgemeester en wethouders van de gemeente Testdorp" in html
    assert "De tekst ligt voorgoed vast" in html
    assert "De brief en zijn 2 aanbevelingen komen op de openbare website" in html
    assert "wordt gemaakt en bewaard" in html
    assert "2 personen die een thema van deze brief volgen, krijgen een e-mail." in html
    due = timezone.localdate() + datetime.timedelta(weeks=6)
    assert f"uiterlijk {formats.date_format(due, 'j F Y')}" in html  # e.g. 17 juni 2022
    latest = adopted.history.count()
    preview = reverse(PDF_PREVIEW, args=[adopted.pk, latest])
    assert f'<iframe class="confirm-pdf-preview" src="{preview}"' in html
    assert f'name="loaded_version" value="{adopted.edit_version}"' in html
    assert "Ja, verstuur de brief" in html
    assert "U staat op het punt deze brief <strong>te versturen</strong>." in html
    # Looking is not sending.
    adopted.refresh_from_db()
    assert adopted.status == LetterStatus.ADOPTED

    # The preview is the PDF, and may be shown in the admin's own frame.
    pdf = client.get(preview)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["X-Frame-Options"] == "SAMEORIGIN"


def test_after_sending_the_admin_links_to_the_public_page_and_the_pdf(client, secretary, adopted):
    client.force_login(secretary)
    response = confirm_step(client, adopted, "send", reason="Vergadering 14 juni")
    assert response.status_code == 302
    assert response["Location"] == reverse(STATUS, args=[adopted.pk])
    adopted.refresh_from_db()
    assert adopted.status == LetterStatus.SENT
    assert adopted.history.first().history_change_reason == "Vergadering 14 juni"

    html = client.get(response["Location"]).content.decode()
    assert "is verzonden en staat nu op de website" in html  # the message ...
    page_path = f"/adviezen/{adopted.reference}/"
    pdf_path = f"/adviezen/{adopted.reference}/pdf/"
    # ... and the status page link to both (absolute: the site's address, whatever it is).
    assert len(re.findall(rf'href="https?://[^"/]+{page_path}"', html)) == 2
    assert len(re.findall(rf'href="https?://[^"/]+{pdf_path}"', html)) == 2
    client.logout()
    assert client.get(page_path).status_code == 200
    assert client.get(pdf_path)["Content-Type"] == "application/pdf"


def test_a_double_submit_of_the_confirmation_sends_once(
    client, secretary, adopted, theme, mailoutbox, django_capture_on_commit_callbacks
):
    SubscriptionFactory(followed=theme, email="inwoner@example.nl")
    client.force_login(secretary)
    loaded = adopted.edit_version
    with django_capture_on_commit_callbacks(execute=True):
        confirm_step(client, adopted, "send", loaded_version=loaded)
        again = confirm_step(client, adopted, "send", loaded_version=loaded, follow=True)
    html = again.content.decode()
    assert "Sem Secretaris heeft deze brief al de status &#x27;Verzonden&#x27; gegeven" in html
    assert "Er is niets opnieuw gedaan." in html
    assert adopted.history.filter(status=LetterStatus.SENT).count() == 1
    assert SentLetterPdf.objects.filter(letter=adopted).count() == 1
    assert [message.to for message in mailoutbox] == [["inwoner@example.nl"]]


def test_a_letter_changed_after_the_screen_opened_is_not_adopted(
    client, member, secretary, site_tree
):
    letter = make_letter(recommendations=1, status=LetterStatus.PROPOSED, user=secretary)
    client.force_login(secretary)
    screen = client.get(confirm_url(letter, "adopt"))
    loaded = screen.context["form"]["loaded_version"].value()

    client.force_login(member)  # meanwhile, a council member changes the text
    letter.refresh_from_db()
    saved = client.post(
        reverse(EDIT, args=[letter.pk]), letter_form_data(letter, subject="Nog even anders")
    )
    assert saved.status_code == 302

    client.force_login(secretary)
    response = confirm_step(client, letter, "adopt", loaded_version=loaded)
    assert response["Location"] == confirm_url(letter, "adopt")  # look again
    html = client.get(response["Location"]).content.decode()
    assert "Rianne Raadslid heeft deze brief gewijzigd op" in html
    assert "Er is niets gedaan." in html
    letter.refresh_from_db()
    assert letter.status == LetterStatus.PROPOSED

    confirm_step(client, letter, "adopt")  # confirmed with the screen as it is now
    letter.refresh_from_db()
    assert (letter.status, letter.subject) == (LetterStatus.ADOPTED, "Nog even anders")


def test_the_adopt_screen_says_the_text_will_be_fixed(client, secretary, site_tree):
    letter = make_letter(recommendations=3, status=LetterStatus.PROPOSED, user=secretary)
    client.force_login(secretary)
    html = client.get(confirm_url(letter, "adopt")).content.decode()
    assert "U staat op het punt deze brief <strong>vast te stellen</strong>." in html
    assert "De tekst van de brief ligt daarna vast." in html
    assert "De 3 aanbevelingen krijgen hun vaste nummers." in html
    assert "nog niet openbaar" in html
    assert reverse(EDIT, args=[letter.pk]) in html  # still time to change it
    response = confirm_step(client, letter, "adopt", follow=True)
    assert "is vastgesteld. De tekst ligt nu vast." in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ADOPTED


def test_an_old_one_click_form_only_leads_to_the_confirmation(client, secretary, adopted):
    client.force_login(secretary)
    response = client.post(reverse(STATUS, args=[adopted.pk]), {"action": "send"})
    assert response["Location"] == confirm_url(adopted, "send")
    assert AdviceLetter.objects.get(pk=adopted.pk).status == LetterStatus.ADOPTED
    assert "Bevestig eerst wat er gebeurt" in client.get(response["Location"]).content.decode()


def test_a_confirmation_that_does_not_say_what_it_saw_does_nothing(client, secretary, adopted):
    client.force_login(secretary)
    response = client.post(confirm_url(adopted, "send"), {"reason": ""})
    assert response.status_code == 400
    assert "Dit formulier is niet volledig verstuurd" in response.content.decode()
    assert AdviceLetter.objects.get(pk=adopted.pk).status == LetterStatus.ADOPTED


def test_who_may_not_adopt_is_told_why_and_a_concept_goes_back(
    client, member, secretary, site_tree
):
    proposed = make_letter(recommendations=1, status=LetterStatus.PROPOSED, user=secretary)
    client.force_login(member)
    for response in [
        client.get(confirm_url(proposed, "adopt")),
        confirm_step(client, proposed, "adopt"),
    ]:
        assert response.status_code == 403
        assert "Alleen het secretariaat kan een adviesbrief vaststellen." in (
            response.content.decode()
        )
    concept = make_letter(recommendations=1)
    client.force_login(secretary)
    response = client.get(confirm_url(concept, "send"), follow=True)
    assert response.redirect_chain[-1][0] == reverse(STATUS, args=[concept.pk])
    assert "Dit kan niet bij een brief met de status" in response.content.decode()
