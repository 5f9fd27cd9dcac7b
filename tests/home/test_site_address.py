"""home.site_address: the one place that makes URLs absolute."""

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from home.site_address import (
    absolute_url,
    admin_base_url,
    page_full_url,
    root_url_of,
    site_root_url,
)
from tests.factories import HomePageFactory, add_standard_page


@pytest.mark.parametrize(
    ("hostname", "port", "expected"),
    [
        ("advies.example.nl", 443, "https://advies.example.nl"),
        ("advies.example.nl", 80, "http://advies.example.nl"),
        ("advies.example.nl", 8443, "https://advies.example.nl:8443"),
        ("127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("localhost", 8000, "http://localhost:8000"),
        ("raad.localhost", 8000, "http://raad.localhost:8000"),
    ],
)
def test_a_sites_address_from_its_host_and_port(hostname, port, expected):
    assert root_url_of(hostname, port) == expected


def test_without_a_request_the_default_sites_address(site_tree):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "advies.example.nl", 443
    site.save()
    assert site_root_url() == "https://advies.example.nl"
    assert absolute_url("/contact/") == "https://advies.example.nl/contact/"


def test_with_a_request_the_address_the_visitor_used(site_tree):
    request = RequestFactory().get("/", HTTP_HOST="raad.example.org:8080")
    assert absolute_url("/contact/", request) == "http://raad.example.org:8080/contact/"
    assert absolute_url("https://elders.example/x") == "https://elders.example/x"


def test_a_page_of_another_site_gets_that_sites_address(site_tree):
    home, _index = site_tree
    page = add_standard_page(home, "Over ons")
    other_home = HomePageFactory(title="Andere raad", slug="andere-raad")
    Site.objects.create(hostname="andere.example.nl", port=8443, root_page=other_home)
    other_page = add_standard_page(other_home, "Contact")
    request = RequestFactory().get("/", HTTP_HOST="raad.example.org")

    assert page_full_url(page, request) == "http://raad.example.org/over-ons/"
    assert page_full_url(other_page, request) == "https://andere.example.nl:8443/contact/"
    assert page_full_url(other_page) == "https://andere.example.nl:8443/contact/"


def test_admin_links_follow_the_site_unless_an_admin_address_is_set(site_tree, settings):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "advies.example.nl", 443
    site.save()
    settings.WAGTAILADMIN_BASE_URL = ""
    assert admin_base_url() == "https://advies.example.nl"
    settings.WAGTAILADMIN_BASE_URL = "https://beheer.example.nl/"
    assert admin_base_url() == "https://beheer.example.nl"
