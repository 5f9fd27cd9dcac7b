"""Editors cannot build a wrong page tree: each page type only goes where it belongs."""

import pytest
from wagtail.models import Page

from advices.models import AdviceIndexPage, RecommendationIndexPage
from home.models import HomePage, MeetingIndexPage, MeetingPage, StandardPage
from tests.factories import UserFactory, add_meeting, add_standard_page


def test_allowed_children_per_page_type(site_tree):
    home, index = site_tree
    assert set(home.specific_class.allowed_subpage_models()) == {
        AdviceIndexPage,
        RecommendationIndexPage,
        MeetingIndexPage,
        StandardPage,
    }
    assert MeetingIndexPage.allowed_subpage_models() == [MeetingPage]
    assert MeetingPage.allowed_subpage_models() == []
    assert StandardPage.allowed_subpage_models() == [StandardPage]


def test_meeting_only_under_meeting_index(site_tree):
    home, index = site_tree
    about = add_standard_page(home, "Over de raad")
    assert MeetingPage.can_create_at(index)
    assert not MeetingPage.can_create_at(home)
    assert not MeetingPage.can_create_at(about)
    assert not HomePage.can_create_at(home)
    assert HomePage.can_create_at(Page.get_first_root_node())


def test_only_one_meeting_index_per_home_page(site_tree):
    home, index = site_tree
    assert not MeetingIndexPage.can_create_at(home)


@pytest.mark.parametrize(
    ("model", "parent_name", "allowed"),
    [("meetingpage", "home", False), ("meetingpage", "index", True), ("homepage", "home", False)],
)
def test_admin_refuses_page_types_in_the_wrong_place(
    client, site_tree, model, parent_name, allowed
):
    home, index = site_tree
    parent = {"home": home, "index": index}[parent_name]
    client.force_login(UserFactory(username="secretaris", groups=["Secretariaat"]))
    response = client.get(f"/admin/pages/add/home/{model}/{parent.pk}/", follow=True)
    if allowed:
        assert response.redirect_chain == []
        assert response.status_code == 200
    else:
        # Wagtail sends the editor back to the dashboard with its permission message.
        assert response.redirect_chain[-1][0] == "/admin/"
        messages = [str(message) for message in response.context["messages"]]
        assert messages, "the editor is told why"


def test_admin_lists_only_allowed_types_when_adding_under_the_index(client, site_tree):
    home, index = site_tree
    add_meeting(index, "Eerste")
    client.force_login(UserFactory(username="raadslid", groups=["Raadsleden"]))
    response = client.get(f"/admin/pages/{index.pk}/add_subpage/")
    # With one allowed type Wagtail skips the choice and opens the meeting form directly.
    assert response.status_code == 302
    assert "/add/home/meetingpage/" in response["Location"]
