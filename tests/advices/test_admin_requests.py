"""Requests for advice in the admin: the list (open first, soonest deadline first, days left in
words), the form the municipality submits and the secretariat registers with (documents,
deadline from the term or from the request, wrong dates refused per field), the edit form
(a stale or closed one refused, input kept) and the dashboard's panel of open requests."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from advices.lifecycle.requests import RequestStatus
from advices.models import AdviceRequest
from tests.advices.request_forms import ADD, EDIT, LIST, request_form_data, status_url
from tests.advices.response_helpers import pdf_upload
from tests.factories import AdviceRequestFactory, LetterSettingsFactory

TODAY = timezone.localdate


def days_ago(days):
    return TODAY() - datetime.timedelta(days=days)


def html(response):
    return response.content.decode()


# -- the list --------------------------------------------------------------------------


def test_the_list_shows_open_requests_first_soonest_deadline_first_with_days_in_words(
    client, secretary
):
    AdviceRequestFactory(
        reference="AV-2022-01", subject="Later", deadline=TODAY() + datetime.timedelta(days=12)
    )
    AdviceRequestFactory(reference="AV-2022-02", subject="Vandaag", deadline=TODAY())
    AdviceRequestFactory(
        reference="AV-2022-03", subject="Te laat", deadline=days_ago(3), status="in-behandeling"
    )
    AdviceRequestFactory(
        reference="AV-2022-04", subject="Afgezien", deadline=days_ago(30), status="afgezien"
    )
    client.force_login(secretary)
    response = client.get(reverse(LIST))
    assert response.status_code == 200
    page = html(response)
    order = [page.index(reference) for reference in ["AV-2022-03", "AV-2022-02", "AV-2022-01"]]
    assert order == sorted(order)
    assert page.index("AV-2022-01") < page.index("AV-2022-04")
    for words in ["nog 12 dagen", "vandaag", "3 dagen te laat"]:
        assert words in page
    assert "Adviesaanvraag registreren" in page


def test_the_list_filters_by_status(client, member):
    AdviceRequestFactory(reference="AV-2022-01", status="afgezien")
    AdviceRequestFactory(reference="AV-2022-02")
    client.force_login(member)
    page = html(client.get(reverse(LIST), {"status": "afgezien"}))
    assert "AV-2022-01" in page and "AV-2022-02" not in page


def test_the_municipality_submits_and_the_secretariat_registers(client, clerk, secretary, member):
    client.force_login(clerk)
    assert "Adviesaanvraag indienen" in html(client.get(reverse(LIST)))
    assert "Adviesaanvraag indienen" in html(client.get(reverse(ADD)))
    client.force_login(secretary)
    assert "Adviesaanvraag registreren" in html(client.get(reverse(ADD)))
    client.force_login(member)
    response = client.get(reverse(ADD))
    assert response.status_code == 403
    assert "Alleen de gemeente en het secretariaat" in html(response)


def many_requests(count):
    """``count`` open requests, written at once (the list's queries are what is measured)."""
    AdviceRequest.objects.bulk_create(
        AdviceRequest(
            reference=f"AV-2021-{number:03d}",
            subject=f"Aanvraag {number}",
            questions="Wat vindt de raad ervan?",
            received_on=days_ago(10),
            deadline=days_ago(10) + datetime.timedelta(weeks=6),
        )
        for number in range(1, count + 1)
    )


@pytest.mark.parametrize("count", [5, 500])
def test_the_list_and_the_dashboard_keep_their_query_count(
    client, secretary, django_assert_max_num_queries, count
):
    many_requests(count)
    client.force_login(secretary)
    with django_assert_max_num_queries(25):
        assert client.get(reverse(LIST)).status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(reverse("wagtailadmin_home")).status_code == 200


# -- submitting ------------------------------------------------------------------------------


def test_a_request_without_a_deadline_gets_the_term_from_the_settings(client, clerk):
    LetterSettingsFactory(request_term_weeks=8)
    client.force_login(clerk)
    form = client.get(reverse(ADD)).context["form"]
    assert "vaste termijn van 8 weken" in form.fields["deadline"].help_text
    data = request_form_data(documents=[{"title": "Brief van de wethouder", "file": pdf_upload()}])
    response = client.post(reverse(ADD), data)
    assert response.status_code == 302, response.context["form"].errors
    advice_request = AdviceRequest.objects.get()
    assert response["Location"] == status_url(advice_request)
    assert advice_request.deadline == days_ago(3) + datetime.timedelta(weeks=8)
    assert advice_request.deadline_source == "termijn"
    assert advice_request.submitted_by == clerk
    assert advice_request.status == RequestStatus.RECEIVED
    assert [document.title for document in advice_request.documents.all()] == [
        "Brief van de wethouder"
    ]
    assert advice_request.history.get().history_user == clerk


def test_a_date_the_request_gives_is_its_own_deadline(client, secretary):
    client.force_login(secretary)
    deadline = TODAY() + datetime.timedelta(days=20)
    response = client.post(reverse(ADD), request_form_data(deadline=deadline.isoformat()))
    assert response.status_code == 302
    advice_request = AdviceRequest.objects.get()
    assert (advice_request.deadline, advice_request.deadline_source) == (deadline, "aanvraag")


@pytest.mark.parametrize(
    ("field", "overrides", "message"),
    [
        (
            "received_on",
            {"received_on": (TODAY() + datetime.timedelta(days=1)).isoformat()},
            "kan niet in de toekomst liggen",
        ),
        (
            "letter_date",
            {"letter_date": TODAY().isoformat(), "received_on": days_ago(1).isoformat()},
            "kan niet later gedateerd zijn",
        ),
        (
            "deadline",
            {"received_on": days_ago(1).isoformat(), "deadline": days_ago(2).isoformat()},
            "niet vóór de datum van ontvangst",
        ),
    ],
)
def test_wrong_dates_are_refused_on_their_field_with_the_input_kept(
    client, clerk, field, overrides, message
):
    client.force_login(clerk)
    response = client.post(reverse(ADD), request_form_data(**overrides))
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert "Ontwerp-verordening leerlingenvervoer" in html(response)
    assert not AdviceRequest.objects.exists()


def test_a_file_that_is_not_a_pdf_is_refused(client, clerk):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(clerk)
    fake = SimpleUploadedFile("brief.pdf", b"geen pdf", content_type="application/pdf")
    response = client.post(
        reverse(ADD), request_form_data(documents=[{"title": "Brief", "file": fake}])
    )
    assert response.status_code == 200
    assert not AdviceRequest.objects.exists()


def test_the_council_links_its_meetings_the_municipality_does_not_see_them(
    client, clerk, secretary, site_tree
):
    from tests.factories import add_meeting

    meeting = add_meeting(site_tree[1], title="Werksessie leerlingenvervoer")
    draft = add_meeting(site_tree[1], title="Geplande werksessie", slug="gepland")
    draft.unpublish()
    client.force_login(clerk)
    assert "Geplande werksessie" not in html(client.get(reverse(ADD)))
    advice_request = AdviceRequestFactory()
    client.force_login(secretary)
    data = request_form_data(advice_request, meetings=[str(meeting.pk)])
    assert client.post(reverse(EDIT, args=[advice_request.pk]), data).status_code == 302
    advice_request.refresh_from_db()
    client.force_login(clerk)
    data = request_form_data(advice_request, subject="Nieuw onderwerp")
    assert client.post(reverse(EDIT, args=[advice_request.pk]), data).status_code == 302
    assert list(AdviceRequest.objects.get().meetings.all()) == [meeting]


# -- editing ----------------------------------------------------------------------------------


def test_an_open_request_is_edited_and_a_stale_form_is_refused_with_the_input_kept(
    client, clerk, secretary
):
    advice_request = AdviceRequestFactory(subject="Eerste onderwerp")
    stale = request_form_data(advice_request, subject="Onderwerp van de gemeente")
    client.force_login(secretary)
    response = client.post(
        reverse(EDIT, args=[advice_request.pk]),
        request_form_data(advice_request, subject="Onderwerp van het secretariaat"),
    )
    assert response.status_code == 302
    client.force_login(clerk)
    response = client.post(reverse(EDIT, args=[advice_request.pk]), stale)
    assert response.status_code == 200
    assert "Iemand anders heeft deze adviesaanvraag net gewijzigd" in html(response)
    assert "Onderwerp van de gemeente" in html(response)
    advice_request.refresh_from_db()
    assert advice_request.subject == "Onderwerp van het secretariaat"


def test_a_term_deadline_follows_a_corrected_date_of_receipt(client, secretary):
    advice_request = AdviceRequestFactory(received_on=days_ago(10), letter_date=days_ago(12))
    assert advice_request.deadline_source == "termijn"
    client.force_login(secretary)
    form = client.get(reverse(EDIT, args=[advice_request.pk])).context["form"]
    assert form["deadline"].value() in (None, "")
    data = request_form_data(advice_request, received_on=days_ago(5).isoformat())
    assert client.post(reverse(EDIT, args=[advice_request.pk]), data).status_code == 302
    advice_request.refresh_from_db()
    assert advice_request.deadline == days_ago(5) + datetime.timedelta(weeks=6)
    assert advice_request.deadline_source == "termijn"


@pytest.mark.parametrize("status", ["afgezien"])
def test_a_closed_request_is_not_edited(client, secretary, status):
    advice_request = AdviceRequestFactory(subject="Gesloten", status=status)
    client.force_login(secretary)
    response = client.get(reverse(EDIT, args=[advice_request.pk]))
    assert response.status_code == 302
    assert response["Location"] == status_url(advice_request)
    data = request_form_data(advice_request, subject="Toch gewijzigd")
    response = client.post(reverse(EDIT, args=[advice_request.pk]), data, follow=True)
    assert "wijzigt u niet meer" in html(response)
    advice_request.refresh_from_db()
    assert advice_request.subject == "Gesloten"


# -- the dashboard ----------------------------------------------------------------------------


def test_the_dashboard_lists_open_requests_with_days_left_and_late_in_words(
    client, secretary, clerk, member
):
    AdviceRequestFactory(reference="AV-2022-01", subject="Loopt", deadline=TODAY())
    AdviceRequestFactory(reference="AV-2022-02", subject="Verlopen", deadline=days_ago(2))
    AdviceRequestFactory(reference="AV-2022-03", subject="Afgezien", status="afgezien")
    for user in (secretary, clerk):
        client.force_login(user)
        page = html(client.get(reverse("wagtailadmin_home")))
        assert "Open adviesaanvragen" in page
        assert "AV-2022-01 Loopt" in page and "vandaag" in page
        assert "<strong>2 dagen te laat</strong>" in page
        assert "AV-2022-03" not in page
    client.force_login(member)
    assert "Open adviesaanvragen" not in html(client.get(reverse("wagtailadmin_home")))
