"""``manage.py load_demo``: the page tree, the real demo content and the demo accounts."""

import datetime
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site
from wagtail.search.backends import get_search_backend

from home.demo.accounts import ACCOUNTS
from home.models import (
    CouncilSettings,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    MeetingParticipantGroup,
    StandardPage,
    Theme,
)

SPLIT_QUOTE = (
    "Organisaties durven het nog niet aan om hun aanbod los te laten op het moment dat zij "
    "zien dat andere partijen of inwoners dit ook doen."
)


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    User = get_user_model()
    return {
        "pages": Page.objects.count(),
        "meetings": MeetingPage.objects.count(),
        "standard pages": StandardPage.objects.count(),
        "themes": Theme.objects.count(),
        "participant groups": MeetingParticipantGroup.objects.count(),
        "meeting themes": MeetingPage.themes.through.objects.count(),
        "users": User.objects.count(),
        "group memberships": User.groups.through.objects.count(),
        "sites": Site.objects.count(),
        "council settings": CouncilSettings.objects.count(),
        "revisions": Revision.objects.count(),
    }


def blocks(page, block_type):
    return [block.value for block in page.body if block.block_type == block_type]


def body_text(page):
    return json.dumps(list(page.body.raw_data), ensure_ascii=False)


def meeting_2019():
    return MeetingPage.objects.get(meeting_type="veldbijeenkomst", date__month=4, date__day=23)


def meeting_2022():
    return MeetingPage.objects.get(meeting_type="ontmoet-en-groet")


@pytest.mark.django_db
def test_running_twice_creates_nothing_new():
    load_demo()
    first = counts()
    output = load_demo()

    assert counts() == first
    assert first["meetings"] == 2
    assert first["standard pages"] == 3
    # tree root, home, meeting index, requests, advice index, tracker, annual reports,
    # standard pages, meetings
    assert first["pages"] == 1 + 1 + 1 + 1 + 1 + 1 + 1 + 3 + 2
    assert first["themes"] >= 5
    assert first["participant groups"] == 4 + 5
    assert first["users"] == len(ACCOUNTS) == 4
    assert "pages: 0 created, 0 updated, 11 unchanged" in output


@pytest.mark.django_db
def test_home_page_replaces_the_welcome_page_and_is_the_default_site_root(rf):
    welcome = Page.objects.get(depth=2)
    assert welcome.specific_class is Page  # what ``migrate`` leaves behind

    load_demo()

    assert not Page.objects.filter(pk=welcome.pk).exists()
    site = Site.objects.get()
    assert site.is_default_site
    # Where `make run` serves the demo, so its absolute links work there.
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.title == "Participatieraad Zwolle"
    assert home.depth == 2
    assert "college van burgemeester en wethouders" in home.intro
    for host in ["127.0.0.1", "localhost"]:
        assert Site.find_for_request(rf.get("/", HTTP_HOST=host)) == site


@pytest.mark.django_db
def test_pages_are_published_and_the_menu_holds_meetings_advice_and_about():
    load_demo()
    home = HomePage.objects.get()
    children = {page.slug: page for page in home.get_children().specific()}

    assert list(children) == [
        "bijeenkomsten",
        "adviesaanvragen",
        "adviezen",
        "aanbevelingen",
        "jaarverslagen",
        "over-de-participatieraad",
        "toegankelijkheid",
        "privacy",
    ]
    assert isinstance(children["bijeenkomsten"], MeetingIndexPage)
    assert {slug for slug, page in children.items() if page.show_in_menus} == {
        "bijeenkomsten",
        "adviesaanvragen",
        "adviezen",
        "aanbevelingen",
        "jaarverslagen",
        "over-de-participatieraad",
    }
    for page in Page.objects.filter(depth__gte=2):
        assert page.live, page
        assert page.live_revision_id is not None, page
        assert page.live_revision_id == page.latest_revision_id, page
        assert page.search_description, page

    accessibility = children["toegankelijkheid"]
    assert "WCAG 2.1" in body_text(accessibility)
    assert [block.block_type for block in accessibility.body].count("accessibility_statement") == 1
    assert "/contact/" in body_text(children["privacy"])
    assert "sessiecookie" in body_text(children["privacy"])
    assert [block.block_type for block in children["privacy"].body].count("privacy_statement") == 1


@pytest.mark.django_db
def test_council_settings_come_from_the_letter_and_invent_no_contact_details():
    output = load_demo()
    council = CouncilSettings.for_site(Site.objects.get())

    assert council.name == "Participatieraad Zwolle"
    assert council.municipality == "Zwolle"
    assert (council.chair_name, council.chair_role) == ("Aljona Wertheim", "Voorzitter")
    assert council.email == council.phone == council.postal_address == ""
    assert council.visiting_address == ""
    # Whoever runs the demo learns why its letters have no return address, and where to fill
    # it in; once filled in, the note is gone.
    assert "Council settings left empty" in output
    assert "postadres, bezoekadres, e-mailadres, telefoonnummer" in output
    council.postal_address = "Postbus 1\n1234 AB Testdorp"
    council.visiting_address = "Straat 1\n1234 AB Testdorp"
    council.email, council.phone = "raad@example.org", "012 345 67 89"
    council.save()
    assert "Council settings left empty" not in load_demo()


@pytest.mark.django_db
def test_meeting_of_23_april_has_its_year_explained_and_the_quotes_as_items():
    load_demo()
    meeting = meeting_2019()

    assert meeting.date == datetime.date(2019, 4, 23)
    assert meeting.participant_count_display == "ruim 80"
    year_notes = [
        str(call_out["text"])
        for call_out in blocks(meeting, "call_out")
        if "geen jaar" in str(call_out["text"])
    ]
    assert len(year_notes) == 1
    assert "2019" in year_notes[0] and "Hervormingsagenda" in year_notes[0]
    assert "geen jaar" in meeting.summary

    [quote_list] = blocks(meeting, "quotes")
    quotes = list(quote_list["quotes"])
    assert len(quotes) == 6
    assert SPLIT_QUOTE in quotes  # split over three lines in the PDF
    assert all(quote[0].isupper() and quote.endswith((".", "?")) for quote in quotes)

    assert [group.name for group in meeting.participant_groups.all()] == [
        "Actieve initiatiefnemers",
        "Actieve inwoners",
        "Vrijwilligers en informele zorgers",
        "Professionals",
    ]
    assert all(group.description for group in meeting.participant_groups.all())
    assert "sport, vrijwilligerswerk, de kerken" in body_text(meeting)
    assert {theme.slug for theme in meeting.themes.all()} >= {
        "samenspel-in-het-sociaal-domein",
        "ouderen",
        "jeugd",
    }


@pytest.mark.django_db
def test_meeting_of_23_april_has_the_four_vs_and_no_pdf_debris():
    load_demo()
    meeting = meeting_2019()
    [four_vs] = blocks(meeting, "four_vs")

    assert len(four_vs["hold"]) == 9
    assert len(four_vs["renew"]) == 5
    assert len(four_vs["leave"]) == 13
    assert list(four_vs["strengthen"]) == []
    assert "vasthouden en versterken samen" in four_vs["intro"]
    assert "Onnodige regels en registratie." in four_vs["leave"]
    assert any(item.startswith("Inloophuizen") for item in four_vs["renew"])

    [figures] = blocks(meeting, "key_figures")
    assert [(f["figure"], f["label"]) for f in figures["figures"]] == [
        ("ruim 80", "deelnemers"),
        ("3", "gespreksrondes"),
    ]
    kernvraag = " ".join(str(c["text"]) for c in blocks(meeting, "call_out"))
    assert "Hoe kunnen we ervoor zorgen dat ouderen langer zelfstandig kunnen wonen?" in kernvraag
    assert "Hoe organiseer ik mijn leven?" in kernvraag

    text = body_text(meeting) + meeting.summary
    for debris in ["\ufffd", "•", "\t", "  ", "Versteken", "….."]:
        assert debris not in text, debris
    headings = [h["text"] for h in blocks(meeting, "heading")]
    for expected in ["Inwoners centraal", "Observaties", "Omdenken", "Reflectie"]:
        assert expected in headings
    assert not any("vier V" in h for h in headings)  # the four V's block has its own heading


@pytest.mark.django_db
def test_ontmoet_en_groet_of_9_may_2022():
    load_demo()
    meeting = meeting_2022()

    assert meeting.date == datetime.date(2022, 5, 9)
    assert meeting.participant_count == 70
    assert meeting.participant_count_display == "ongeveer 70"
    assert meeting.start_time is None and meeting.location == ""
    text = body_text(meeting)
    assert "versterken sociale basis" in text
    assert "wethouder Van Willigen" in text
    for subject in [
        "Betekenisvolle sociale contacten",
        "Zelfredzaam leven",
        "Sterke sociale basis",
        "Armoede",
        "Sociale kaart",
        "Samenwerking",
        "Inwonerbetrokkenheid",
        "Betekenisvolle dagbesteding",
    ]:
        assert subject in text, subject
    assert "17 juni 2022" in meeting.summary


@pytest.mark.django_db
def test_published_meetings_are_in_the_search_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    results = get_search_backend().search("omdenken", MeetingPage)
    assert [page.pk for page in results] == [meeting_2019().pk]


@pytest.mark.django_db
def test_demo_accounts_are_in_their_groups_and_can_log_in(client):
    output = load_demo()
    User = get_user_model()
    expected_groups = {
        "raadslid": ["Raadsleden"],
        "secretaris": ["Secretariaat"],
        "gemeente": ["Gemeente"],
        "beheerder": [],
    }

    for account in ACCOUNTS:
        user = User.objects.get(username=account.username)
        assert list(user.groups.values_list("name", flat=True)) == expected_groups[user.username]
        assert user.is_superuser == (user.username == "beheerder")
        assert user.email == f"{user.username}@example.org"
        assert user.first_name and user.last_name
        assert f"{account.username}" in output and account.password in output
        assert client.login(username=account.username, password=account.password)
        client.logout()
        assert not client.login(username=account.username, password="verkeerd")
    assert "demo" in output.lower()


@pytest.mark.django_db
def test_no_accounts_option_creates_no_users():
    output = load_demo("--no-accounts")
    assert get_user_model().objects.count() == 0
    assert "password" not in output
    assert MeetingPage.objects.count() == 2


@pytest.mark.django_db
def test_a_second_run_keeps_edits_and_refresh_restores_the_demo_content():
    load_demo()
    about = StandardPage.objects.get(slug="over-de-participatieraad")
    about.title = "Over ons"
    about.save_revision().publish()
    theme = Theme.objects.get(slug="armoede")
    theme.description = "Aangepast"
    theme.save()
    user = get_user_model().objects.get(username="raadslid")
    user.set_password("iets anders")
    user.save()

    load_demo()
    assert StandardPage.objects.get(pk=about.pk).title == "Over ons"
    assert Theme.objects.get(pk=theme.pk).description == "Aangepast"
    # The printed demo password must keep working.
    assert get_user_model().objects.get(pk=user.pk).check_password("demo-raadslid")

    revisions = Revision.objects.count()
    load_demo("--refresh")
    assert StandardPage.objects.get(pk=about.pk).title == "Over de Participatieraad"
    assert Theme.objects.get(pk=theme.pk).description != "Aangepast"
    assert MeetingPage.objects.count() == 2
    assert MeetingParticipantGroup.objects.count() == 9
    assert Revision.objects.count() == revisions + 10
