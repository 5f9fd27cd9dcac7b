"""Editors cannot build a wrong page tree: each page type only goes where it belongs."""

import pytest
from wagtail.models import Page

from advices.pages import AdviceIndexPage, RecommendationIndexPage
from annual.pages import AnnualReportIndexPage
from home.models import HomePage, MeetingIndexPage, MeetingPage, StandardPage
from tests.factories import (
    CouncilMemberFactory,
    SecretaryFactory,
    add_meeting,
    add_standard_page,
)


def test_allowed_children_per_page_type(site_tree):
    home, index = site_tree
    assert set(home.specific_class.allowed_subpage_models()) == {
        AdviceIndexPage,
        RecommendationIndexPage,
        AnnualReportIndexPage,
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
    client.force_login(SecretaryFactory())
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
    client.force_login(CouncilMemberFactory())
    response = client.get(f"/admin/pages/{index.pk}/add_subpage/")
    # With one allowed type Wagtail skips the choice and opens the meeting form directly.
    assert response.status_code == 302
    assert "/add/home/meetingpage/" in response["Location"]


def post_new_page(client, model, parent, slug, **fields):
    data = {"title": slug.capitalize(), "slug": slug, "intro": "", **fields}
    return client.post(f"/admin/pages/add/{model}/{parent.pk}/", data)


@pytest.mark.parametrize("slug", ["volgen", "feeds", "open-data", "api", "zoeken", "admin"])
def test_a_page_under_the_home_page_cannot_take_a_path_the_site_uses(client, site_tree, slug):
    home, _index = site_tree
    client.force_login(SecretaryFactory())
    response = post_new_page(client, "advices/adviceindexpage", home, slug)
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [
        f"Het adres /{slug}/ is al in gebruik door de website zelf. Kies een ander slug."
    ]
    assert not AdviceIndexPage.objects.exists()

    response = post_new_page(client, "advices/adviceindexpage", home, "adviezen")
    assert response.status_code == 302
    assert AdviceIndexPage.objects.get().url == "/adviezen/"


def test_deeper_down_those_slugs_are_fine(client, site_tree):
    home, _index = site_tree
    about = add_standard_page(home, "Over de raad")
    client.force_login(SecretaryFactory())
    response = post_new_page(client, "home/standardpage", about, "volgen", **{"body-count": "0"})
    assert response.status_code == 302, response.context["form"].errors
    assert StandardPage.objects.get(slug="volgen").url == f"{about.url}volgen/"


def test_the_reserved_slugs_are_every_path_the_site_serves_before_the_page_tree():
    from django.urls import URLPattern, get_resolver

    from home.page_forms import RESERVED_ROOT_SLUGS

    def first_segments(patterns):
        for pattern in patterns:
            route = str(pattern.pattern).lstrip("^")
            if route:
                yield route.split("/")[0]
            elif not isinstance(pattern, URLPattern) and "wagtail.urls" not in str(
                pattern.urlconf_name
            ):
                yield from first_segments(pattern.url_patterns)

    # A file name (robots.txt, the Woo index's XML) cannot be a page: a slug has no dot.
    served = {
        segment
        for segment in first_segments(get_resolver().url_patterns)
        if segment and "." not in segment
    }
    assert {"volgen", "feeds", "open-data", "api"} <= served
    assert served <= RESERVED_ROOT_SLUGS, served - RESERVED_ROOT_SLUGS
