"""A council member's document stays private until the page that uses it is published; a
published page is not deleted below an administrator."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.document_privacy import drafts_collection
from tests.factories import (
    CouncilMemberFactory,
    MunicipalityUserFactory,
    SecretaryFactory,
    add_meeting,
)

pytestmark = pytest.mark.django_db

Document = get_document_model()


def upload_as(client, user, title):
    """Upload through Wagtail's document form, as ``user``; returns the new document."""
    client.force_login(user)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": ContentFile(b"Verslag van de werkgroep.", name="werkgroep.txt"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Document.objects.get(title=title)


def test_a_council_members_upload_lands_in_the_drafts_collection_whatever_is_posted(client):
    member = CouncilMemberFactory()
    client.force_login(member)
    form = client.get("/admin/documents/add/").context["form"]
    assert "collection" not in form.fields  # one collection to choose from: no choice shown
    client.post(
        "/admin/documents/add/",
        {
            "title": "Naar de openbare collectie?",
            "file": ContentFile(b"x", name="x.txt"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert Document.objects.get(title="Naar de openbare collectie?").collection == (
        drafts_collection()
    )


def test_the_secretariat_may_choose_the_collection_and_starts_in_the_drafts_one(client):
    client.force_login(SecretaryFactory())
    form = client.get("/admin/documents/add/").context["form"]
    assert set(form.fields["collection"].queryset) == {
        Collection.get_first_root_node(),
        drafts_collection(),
    }
    assert form["collection"].value() == drafts_collection().pk
    selected = form["collection"].as_widget()
    assert f'value="{drafts_collection().pk}" selected' in selected


def test_a_draft_document_is_private_until_the_page_using_it_is_published(client, site_tree):
    _home, meetings = site_tree
    member = CouncilMemberFactory()
    document = upload_as(client, member, "Verslag werkgroep")
    assert document.collection == drafts_collection()

    client.logout()
    response = client.get(document.url)
    assert response.status_code == 302  # to the login page: not public
    assert "/login/" in response["Location"]
    client.force_login(MunicipalityUserFactory())
    assert client.get(document.url).status_code != 200
    client.force_login(member)
    assert client.get(document.url).status_code == 200

    # A draft page that links to it keeps it private; publishing the page makes it public.
    meeting = add_meeting(meetings, title="Werkgroep wonen")
    meeting.body = [("document", {"document": document, "title": ""})]
    revision = meeting.save_revision()
    document.refresh_from_db()
    assert document.collection == drafts_collection()

    revision.publish()
    document.refresh_from_db()
    assert document.collection == Collection.get_first_root_node()
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Verslag van de werkgroep."


def test_publishing_leaves_documents_the_page_does_not_use_private(client, site_tree):
    _home, meetings = site_tree
    member = CouncilMemberFactory()
    used = upload_as(client, member, "Gebruikt")
    unused = upload_as(client, member, "Niet gebruikt")
    meeting = add_meeting(meetings, title="Werkgroep zorg")
    meeting.body = [("document", {"document": used, "title": ""})]
    meeting.save_revision().publish()
    used.refresh_from_db()
    unused.refresh_from_db()
    assert used.collection == Collection.get_first_root_node()
    assert unused.collection == drafts_collection()


def test_the_secretariat_cannot_delete_a_published_page_but_can_after_unpublishing(
    client, site_tree
):
    _home, meetings = site_tree
    meeting = add_meeting(meetings, title="Openbare bijeenkomst")
    client.force_login(SecretaryFactory())

    for response in (
        client.get(f"/admin/pages/{meeting.pk}/delete/"),
        client.post(f"/admin/pages/{meeting.pk}/delete/"),
        client.post(f"/admin/bulk/wagtailcore/page/delete/?id={meeting.pk}", {"confirm": "yes"}),
    ):
        assert response.status_code == 403
        assert "Haal de pagina eerst offline" in response.content.decode()
    assert type(meeting).objects.filter(pk=meeting.pk).exists()

    client.post(f"/admin/pages/{meeting.pk}/unpublish/")
    meeting.refresh_from_db()
    assert not meeting.live
    response = client.post(f"/admin/pages/{meeting.pk}/delete/")
    assert response.status_code == 302
    assert not type(meeting).objects.filter(pk=meeting.pk).exists()
