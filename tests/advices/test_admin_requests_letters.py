"""A letter and the request it answers, in the admin: the letter form offers the requests a
letter can answer (open ones and answered ones, newest first, "— kies —" first, labelled
"AV-2022-01 Onderwerp"); the letter list filters gevraagd / ongevraagd; and sending a letter
that answers a request through the confirmation screen makes it "advies uitgebracht"."""

import datetime

from django.urls import reverse
from django.utils import timezone

from advices.lifecycle.requests import RequestStatus
from advices.models import LetterStatus
from tests.advices.admin_forms import confirm_step, letter_form_data
from tests.advices.request_forms import status_url
from tests.factories import AdviceRequestFactory, make_letter

LETTER_ADD = "wagtailsnippets_advices_adviceletter:add"
LETTER_EDIT = "wagtailsnippets_advices_adviceletter:edit"
LETTER_LIST = "wagtailsnippets_advices_adviceletter:list"


def received(days_ago):
    return timezone.localdate() - datetime.timedelta(days=days_ago)


def test_the_letter_form_offers_open_and_answered_requests_newest_first(
    client, member, secretary, site_tree
):
    older = AdviceRequestFactory(
        reference="AV-2022-01", subject="Armoedebeleid", received_on=received(30)
    )
    newer = AdviceRequestFactory(
        reference="AV-2022-02",
        subject="Leerlingenvervoer",
        received_on=received(5),
        status="in-behandeling",
    )
    AdviceRequestFactory(reference="AV-2022-03", subject="Afgezien", status="afgezien")
    answered = AdviceRequestFactory(
        reference="AV-2022-04", subject="Jeugdhulp", received_on=received(60)
    )
    make_letter(request=answered, status=LetterStatus.SENT, user=secretary)
    answered.refresh_from_db()
    assert answered.status == RequestStatus.ANSWERED
    client.force_login(member)
    field = client.get(reverse(LETTER_ADD)).context["form"].fields["request"]
    labels = [label for _value, label in field.choices]
    assert labels == [
        "— kies —",
        "AV-2022-02 Leerlingenvervoer",
        "AV-2022-01 Armoedebeleid",
        "AV-2022-04 Jeugdhulp",
    ]
    assert older in field.queryset and newer in field.queryset


def test_a_letter_keeps_its_declined_request_in_the_choices(client, member, site_tree):
    advice_request = AdviceRequestFactory(reference="AV-2022-05", subject="Later afgezien")
    letter = make_letter(request=advice_request)
    from tests.factories import move_request

    move_request(advice_request, "afgezien")
    client.force_login(member)
    field = client.get(reverse(LETTER_EDIT, args=[letter.pk])).context["form"].fields["request"]
    assert "AV-2022-05 Later afgezien" in [label for _value, label in field.choices]


def test_the_letter_list_filters_requested_and_unrequested_advice(client, member, site_tree):
    advice_request = AdviceRequestFactory()
    make_letter(subject="Gevraagd over armoede", request=advice_request)
    make_letter(subject="Uit eigen beweging")
    client.force_login(member)
    requested = client.get(reverse(LETTER_LIST), {"kind": "gevraagd"}).content.decode()
    unrequested = client.get(reverse(LETTER_LIST), {"kind": "ongevraagd"}).content.decode()
    assert "Gevraagd over armoede" in requested and "Uit eigen beweging" not in requested
    assert "Uit eigen beweging" in unrequested and "Gevraagd over armoede" not in unrequested
    assert "Soort advies" in requested


def test_choosing_the_request_in_the_letter_form_links_them(client, member, site_tree):
    advice_request = AdviceRequestFactory(reference="AV-2022-06")
    letter = make_letter()
    client.force_login(member)
    data = letter_form_data(letter, request=str(advice_request.pk))
    assert client.post(reverse(LETTER_EDIT, args=[letter.pk]), data).status_code == 302
    letter.refresh_from_db()
    assert letter.request == advice_request and letter.is_requested


def test_sending_the_answering_letter_makes_the_request_answered(client, secretary, member, index):
    advice_request = AdviceRequestFactory(reference="AV-2022-07", status="in-behandeling")
    letter = make_letter(request=advice_request, status=LetterStatus.ADOPTED, user=secretary)
    client.force_login(secretary)
    assert confirm_step(client, letter, "send").status_code == 302
    advice_request.refresh_from_db()
    assert advice_request.status == RequestStatus.ANSWERED
    assert advice_request.status_changed_by == secretary
    client.force_login(member)
    page = client.get(status_url(advice_request)).content.decode()
    assert "Advies uitgebracht" in page
    assert f"Advies {letter.reference} verstuurd" in page
    assert 'name="action"' not in page


def test_the_municipality_sees_no_draft_letter_on_the_status_page(client, clerk, member, site_tree):
    advice_request = AdviceRequestFactory()
    make_letter(request=advice_request, subject="Geheim concept-advies")
    client.force_login(clerk)
    assert "Geheim concept-advies" not in client.get(status_url(advice_request)).content.decode()
    client.force_login(member)
    assert "Geheim concept-advies" in client.get(status_url(advice_request)).content.decode()
