"""The public page cache (operations/page_cache.py): anonymous readers get a stored copy of a
public page without a database query, until anything the pages show is written; anyone
logged in, and anything personal or private, always gets a fresh page."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from advices.actions.college import RecordVerdicts
from advices.lifecycle.statuses import Verdict
from advices.pages import AdviceIndexPage
from home.models import CouncilSettings
from tests.factories import (
    CollegeResponseFactory,
    ErratumFactory,
    MunicipalityUserFactory,
    SecretaryFactory,
    ThemeFactory,
    add_standard_page,
    make_letter,
)

pytestmark = pytest.mark.usefixtures("page_cache")

HIT = "X-Page-Cache"


def first_view(client, url):
    # The very first page view of a site creates its settings rows (a write, which empties
    # the cache once); every test starts after that, as a running site does.
    client.get(url)
    cache.clear()


@pytest.fixture
def page(site_tree, client):
    home, _meetings = site_tree
    page = add_standard_page(home, "Over de raad", intro="De raad adviseert het college.")
    first_view(client, page.url)
    return page


@pytest.fixture
def sent_letter(site_tree, client):
    home, _meetings = site_tree
    index = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen"))
    letter = make_letter(recommendations=2, status="verzonden", reference="PR-2022-01")
    first_view(client, index.url)
    return index, letter


def test_a_second_anonymous_read_comes_from_the_cache_without_a_query(
    client, page, django_assert_num_queries
):
    first = client.get(page.url)
    assert first.status_code == 200
    assert first[HIT] == "miss"
    with django_assert_num_queries(0):
        second = client.get(page.url)
    assert second.status_code == 200
    assert second[HIT] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # HEAD is answered from the same copy, without a body.
    with django_assert_num_queries(0):
        head = client.head(page.url)
    assert head.status_code == 200 and head[HIT] == "hit" and head.content == b""


def test_the_query_string_is_part_of_the_key_in_any_order(client, sent_letter):
    index, _letter = sent_letter
    client.get(f"{index.url}?jaar=2022&thema=jeugd")
    assert client.get(f"{index.url}?thema=jeugd&jaar=2022")[HIT] == "hit"
    assert client.get(f"{index.url}?jaar=2021")[HIT] == "miss"


def test_publishing_shows_at_once(client, page):
    assert "Over de raad" in client.get(page.url).content.decode()
    assert client.get(page.url)[HIT] == "hit"
    page.title = "Wie wij zijn"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response[HIT] == "miss"
    assert "Wie wij zijn" in response.content.decode()


def test_unpublishing_shows_at_once(client, page):
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_draft_never_reaches_the_cache(client, page):
    client.get(page.url)
    page.title = "Nog niet klaar"
    page.save_revision()  # saved, not published
    for _ in range(2):
        html = client.get(page.url).content.decode()
        assert "Nog niet klaar" not in html
        assert "Over de raad" in html


def test_a_snippet_write_shows_at_once(client, sent_letter):
    index, letter = sent_letter
    url = f"{index.url}{letter.reference}/"
    # (Cached once its follow form carries no per-visitor token; the rule holds either way.)
    for _ in range(2):
        assert "lees 2021" not in client.get(url).content.decode()
    ErratumFactory(letter=letter, text="In aanbeveling 1 staat 2019; lees 2021.")
    assert "lees 2021" in client.get(url).content.decode()


def test_verdicts_written_in_bulk_show_at_once(client, sent_letter):
    # The verdicts page writes all answers with one bulk update, which sends no model signal;
    # from one verdict to another nothing else changes (the letter stays beantwoord).
    _index, letter = sent_letter
    reply = CollegeResponseFactory(letter=letter)
    clerk = MunicipalityUserFactory(username="gemeente")

    def record(verdict):
        answers = list(reply.answers.order_by("recommendation__number"))
        for answer in answers:
            answer.verdict = verdict
            answer.answer = "Het college neemt dit mee."
        RecordVerdicts(reply, answers, clerk).execute()

    def csv():
        response = client.get("/open-data/aanbevelingen.csv")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response[HIT], body.decode("utf-8-sig")

    record(Verdict.ADOPTED)
    csv()
    hit, before = csv()
    assert hit == "hit"
    assert ";overgenomen;" in before and "deels-overgenomen" not in before
    record(Verdict.PARTLY_ADOPTED)
    hit, after = csv()
    assert hit == "miss"
    assert "deels-overgenomen" in after


def test_a_theme_rename_shows_at_once(client, sent_letter):
    index, letter = sent_letter
    theme = ThemeFactory(name="Jeugd", slug="jeugd")
    letter_themes = type(letter).themes.through
    letter_themes.objects.create(adviceletter=letter, theme=theme)  # straight in: sent is frozen
    client.get(index.url)
    theme.name = "Jeugd en onderwijs"
    theme.save()
    assert "Jeugd en onderwijs" in client.get(index.url).content.decode()


def test_a_site_setting_shows_at_once(client, page, site_tree):
    home, _meetings = site_tree
    client.get(page.url)
    council = CouncilSettings.for_site(home.get_site())
    council.name = "Adviesraad Sociaal Domein Testdorp"
    council.save()
    assert "Adviesraad Sociaal Domein Testdorp" in client.get(page.url).content.decode()


def test_logged_in_users_never_get_a_cached_page_nor_leave_one(client, page):
    anonymous_html = client.get(page.url).content.decode()
    assert client.get(page.url)[HIT] == "hit"

    editor = SecretaryFactory(username="secretaris")
    client.force_login(editor)
    response = client.get(page.url)
    assert HIT not in response  # neither served from nor stored in the cache
    editor_html = response.content.decode()
    assert "wagtail-userbar" in editor_html  # the editor's own toolbar

    client.logout()
    cache.clear()  # nothing stored by the anonymous read either: only the editor's visit
    client.force_login(editor)
    client.get(page.url)
    client.logout()
    for _ in range(2):
        html = client.get(page.url).content.decode()
        assert "wagtail-userbar" not in html
    assert html == anonymous_html


def test_a_page_behind_a_password_is_never_cached(client, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for _ in range(2):
        response = client.get(page.url)
        assert HIT not in response
        assert "De raad adviseert het college." not in response.content.decode()


def test_a_page_for_logged_in_users_only_is_never_cached(client, page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 302
        assert HIT not in response


@pytest.mark.urls("tests.operations.urls")
def test_a_page_with_a_csrf_token_or_a_cookie_is_never_cached(client, db):
    for url in ("/proef/formulier/", "/proef/koekje/"):
        for _ in range(2):
            assert HIT not in client.get(url)


def test_the_admin_and_the_health_endpoint_are_never_cached(client, page):
    for url in ("/admin/login/", "/gezondheid/"):
        for _ in range(2):
            assert HIT not in client.get(url)


def test_errors_are_not_cached(client, page):
    for _ in range(2):
        response = client.get("/bestaat-niet/")
        assert response.status_code == 404
        assert HIT not in response


def test_a_streamed_export_is_cached_whole(client, sent_letter, django_assert_num_queries):
    url = "/open-data/aanbevelingen.csv"
    first = client.get(url)
    body = b"".join(first.streaming_content)
    assert first[HIT] == "miss"
    assert b"PR-2022-01" in body
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second[HIT] == "hit"
    assert second.content == body
