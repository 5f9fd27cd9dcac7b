"""The feeds and following a theme are findable: every public advice page names its feeds in
<head> (autodiscovery, the page's own first) and links to them where readers look ("Nieuwsfeed
(RSS)", "Volg dit thema per e-mail", "Volg dit advies per e-mail"), and every such link works.
Also the reading order: what a reader came for comes before the long parts."""

import datetime
import re

import pytest
import time_machine

from advices.models import LetterStatus
from advices.pages import RecommendationIndexPage
from tests.factories import AdviceLetterFactory, ThemeFactory

pytestmark = pytest.mark.django_db

FEED_TYPES = {"application/rss+xml", "application/atom+xml"}


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Vrijwilligers en mantelzorg", slug="mantelzorg")


@pytest.fixture
def letter(index, theme):
    # Sent long ago, no reply: its reply is late today.
    with time_machine.travel(datetime.datetime(2022, 6, 17, 10, tzinfo=datetime.UTC), tick=False):
        return AdviceLetterFactory(
            reference="PR-2022-01",
            date=datetime.date(2022, 6, 17),
            recommendations=33,
            themes=[theme],
            status=LetterStatus.SENT,
        )


@pytest.fixture
def tracker(site_tree, index):
    home, _meetings = site_tree
    return home.add_child(
        instance=RecommendationIndexPage(title="Aanbevelingen", slug="aanbevelingen")
    )


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def head_feeds(html):
    """(type, title, href) of each <link rel="alternate"> in <head>, in order."""
    head = html[: html.index("</head>")]
    links = re.findall(
        r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">', head
    )
    assert all(kind in FEED_TYPES for kind, _title, _href in links)
    return links


def visible_links(html):
    """(text, href) of each link in the page's follow links."""
    block = re.search(r'<ul class="follow-links">(.*?)</ul>', html, re.S)
    assert block, "no follow links on the page"
    return [
        (" ".join(re.sub(r"<[^>]+>", " ", text).split()), href)
        for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', block.group(1))
    ]


def assert_is_a_feed(client, href):
    response = client.get(href)
    assert response.status_code == 200, href
    assert response["Content-Type"].split(";")[0] in {
        "application/rss+xml",
        "application/atom+xml",
    }, href


def test_every_page_names_the_site_feeds_in_its_head(client, index, letter, tracker):
    for url in (index.url, tracker.url, index.letter_url(letter)):
        titles = [title for _kind, title, _href in head_feeds(html_of(client, url))]
        for title in ("Nieuwe adviezen", "Wat er met de adviezen gebeurt"):
            assert title in titles and f"{title} (Atom)" in titles, url


def test_the_tracker_links_the_feed_of_what_becomes_of_the_advice(client, letter, tracker):
    links = visible_links(html_of(client, tracker.url))
    assert links == [("Nieuwsfeed (RSS) : Wat er met de adviezen gebeurt", "/feeds/status/")]
    assert_is_a_feed(client, "/feeds/status/")


@pytest.mark.parametrize("page", ["tracker", "advice index"])
def test_a_theme_page_offers_following_the_theme_by_email_and_by_feed(
    client, index, tracker, letter, theme, page
):
    url = (tracker.url if page == "tracker" else index.url) + "?thema=mantelzorg"
    html = html_of(client, url)
    assert visible_links(html) == [
        ("Volg dit thema per e-mail", "/volgen/thema/mantelzorg/"),
        (
            "Nieuwsfeed (RSS) : Wat er met de adviezen gebeurt: Vrijwilligers en mantelzorg",
            "/feeds/status/mantelzorg/",
        ),
    ]
    # The theme's own feeds come first in <head>, before the site's.
    feeds = head_feeds(html)
    assert feeds[:2] == [
        (
            "application/rss+xml",
            "Wat er met de adviezen gebeurt: Vrijwilligers en mantelzorg",
            "/feeds/status/mantelzorg/",
        ),
        (
            "application/atom+xml",
            "Wat er met de adviezen gebeurt: Vrijwilligers en mantelzorg (Atom)",
            "/feeds/atom/status/mantelzorg/",
        ),
    ]
    for _kind, _title, href in feeds:
        assert_is_a_feed(client, href)
    # The link leads to the form to follow the theme.
    form_page = html_of(client, "/volgen/thema/mantelzorg/")
    assert 'name="email"' in form_page and "Vrijwilligers en mantelzorg" in form_page


def test_the_list_of_letters_links_the_feed_of_new_advice(client, index, letter):
    assert visible_links(html_of(client, index.url)) == [
        ("Nieuwsfeed (RSS) : Nieuwe adviezen", "/feeds/adviezen/")
    ]


def test_a_letter_page_offers_following_it_and_its_themes(client, index, letter):
    html = html_of(client, index.letter_url(letter))
    assert visible_links(html) == [
        ("Volg dit advies per e-mail", "#volgen"),
        ("Nieuwsfeed (RSS) : Wat er met de adviezen gebeurt", "/feeds/status/"),
    ]
    # The anchor is the follow form, further down the same page.
    assert re.search(r'<section class="follow-form" id="volgen"', html)
    assert f'action="/volgen/advies/{letter.pk}/"' in html
    # Each of the letter's themes can be followed; its feed is in <head>.
    assert re.search(
        r'href="/volgen/thema/mantelzorg/">Volg dit thema per e-mail'
        r'<span class="visually-hidden">: Vrijwilligers en mantelzorg</span>',
        html,
    )
    assert head_feeds(html)[0][2] == "/feeds/status/mantelzorg/"


# -- reading order: the page itself, as a screen reader and a small screen get it ------------


def test_a_letter_page_puts_status_lateness_pdf_and_following_before_the_letter(
    client, index, letter
):
    html = html_of(client, index.letter_url(letter))
    first_recommendation = html.index('id="aanbeveling-1"')
    for marker in (
        "Over dit advies",
        "Verzonden",
        "Reactie te laat",
        'class="advice-facts__download"',
        "Volg dit advies per e-mail",
    ):
        assert html.index(marker) < first_recommendation, marker
    # The rest of the facts and the form itself follow the letter.
    last_recommendation = html.index('id="aanbeveling-33"')
    assert html.index("Meer over dit advies") > last_recommendation
    assert html.index('id="volgen"') > last_recommendation


def test_the_tracker_puts_its_filters_and_results_before_the_figures(client, letter, tracker):
    html = html_of(client, tracker.url)
    figures = html.index('id="cijfers"')
    assert html.index('class="filter-form tracker-filter"') < figures
    assert html.index('id="results-heading"') < figures
    # The figures are one link away, at the top.
    link = re.search(r'<a class="utrecht-link" href="([^"]+)">Bekijk de cijfers', html)
    assert link and link.group(1) == "#cijfers" and link.start() < html.index("tracker-filter")
    # A filtered page has no figures, and links to those of the whole tracker.
    filtered = html_of(client, f"{tracker.url}?thema=mantelzorg")
    assert 'id="cijfers"' not in filtered
    assert f'href="{tracker.url}#cijfers">Bekijk de cijfers' in filtered
