"""home's extension points (home/hooks.py): other apps add sections to the home page and
to a meeting's page through Wagtail hooks; without any, the pages render without them."""

import pytest
from wagtail import hooks

from home import hooks as home_hooks
from home.hooks import HOME_PAGE_SECTIONS, MEETING_PAGE_SECTIONS, render_sections
from tests.factories import add_meeting


def test_a_registered_section_appears_on_the_home_and_meeting_pages(client, site_tree):
    home, index = site_tree
    meeting = add_meeting(index, "Werksessie")

    def section(request, page):
        return f"<b>{page.title}</b>"  # a plain string: escaped

    with hooks.register_temporarily([(HOME_PAGE_SECTIONS, section)]):
        home_html = client.get(home.url).content.decode()
    with hooks.register_temporarily([(MEETING_PAGE_SECTIONS, section)]):
        meeting_html = client.get(meeting.url).content.decode()
    assert f"&lt;b&gt;{home.title}&lt;/b&gt;" in home_html
    assert "&lt;b&gt;Werksessie&lt;/b&gt;" in meeting_html
    assert "&lt;b&gt;" not in client.get(home.url).content.decode()


def test_the_pages_render_without_any_app_adding_to_them(client, site_tree, monkeypatch):
    home, index = site_tree
    meeting = add_meeting(index, "Werksessie")
    monkeypatch.setattr(home_hooks, "get_hooks", lambda name: [])  # as without advices
    for page in (home, meeting):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()


def test_only_the_documented_hooks(rf, site_tree):
    home, _index = site_tree
    with pytest.raises(ValueError, match="home_page_sections, meeting_page_sections"):
        render_sections("home_page_section", rf.get("/"), home)
