"""``manage.py load_demo``: the advice letters of the Participatieraad Zwolle, with history."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from advices.demo.letters import LETTER_2022
from advices.models import AdviceKind, AdviceLetter, LetterStatus, Recommendation
from advices.pages.advice_index import AdviceIndexPage
from advices.queries.versions import letter_versions
from home.models import HomePage

HEADINGS_2022 = [
    "Betekenisvolle sociale contacten",
    "Zelfredzaam leven",
    "Sterke sociale basis",
    "Armoede",
    "Sociale kaart",
    "Samenwerking",
    "Inwonerbetrokkenheid: van zorgen voor naar zorgen dat",
    "Betekenisvolle dagbesteding",
    "Tot slot",
]


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def letter_2022():
    return AdviceLetter.objects.get(reference="PR-2022-01")


def letter_2019():
    return AdviceLetter.objects.get(reference="PR-2019-01")


def in_order(items):
    """The distinct items in their order of first appearance."""
    return list(dict.fromkeys(items))


def counts():
    return {
        "letters": AdviceLetter.objects.count(),
        "recommendations": Recommendation.objects.count(),
        "letter history": AdviceLetter.history.count(),
        "recommendation history": Recommendation.history.count(),
        "advice index pages": AdviceIndexPage.objects.count(),
    }


@pytest.mark.django_db
def test_letter_of_17_june_2022_is_sent_with_its_recommendations_in_order():
    load_demo()
    letter = letter_2022()

    assert letter.status == LetterStatus.SENT and letter.is_public
    assert letter.date == datetime.date(2022, 6, 17)
    assert letter.subject == "Sterke sociale basis"
    assert letter.addressee.splitlines() == [
        "Aan het college van burgemeester en wethouders",
        "van de gemeente Zwolle",
        "Postbus 10007",
        "8000 GA Zwolle",
    ]
    assert letter.salutation == "Geacht College,"
    assert (letter.signatory_name, letter.signatory_role) == (
        "Aljona Wertheim",
        "Voorzitter Participatieraad Zwolle",
    )
    assert letter.kind == AdviceKind.UNREQUESTED and letter.request is None
    assert "9 mei 2022" in letter.introduction and "<ol>" in letter.introduction
    assert "van zorgen voor naar zorgen dat" in letter.introduction
    assert "Mocht ons advies aanleiding geven" in letter.closing
    assert {theme.slug for theme in letter.themes.all()} >= {"sterke-sociale-basis", "armoede"}
    [meeting] = letter.meetings.all()
    assert meeting.date == datetime.date(2022, 5, 9)

    recommendations = list(letter.recommendations.order_by("sort_order", "pk"))
    assert 20 <= len(recommendations) <= 35
    assert [r.number for r in recommendations] == list(range(1, len(recommendations) + 1))
    assert in_order(r.heading for r in recommendations) == HEADINGS_2022
    assert recommendations[0].advice.startswith("Wij adviseren u om initiatieven op buurtniveau")
    for recommendation in recommendations:
        assert recommendation.advice.strip()
        text = recommendation.context + recommendation.advice
        assert "  " not in text and "•" not in text and " ," not in text, recommendation.number

    [promise] = [r for r in recommendations if "eerste kwartaal in 2020" in r.context + r.advice]
    assert promise.heading == "Sociale kaart"
    assert promise.advice.startswith("Wij horen graag wat er tot nu toe is gedaan")


@pytest.mark.django_db
def test_letter_of_2022_has_three_drafts_before_it_was_sent():
    load_demo()
    letter = letter_2022()
    versions = letter_versions(letter)

    drafts = [v for v in versions if v.status == LetterStatus.CONCEPT]
    assert [v.reason for v in drafts] == [
        "Eerste opzet na de ontmoet en groet",
        "Aanbevelingen Sociale kaart en Samenwerking toegevoegd",
        "Opmerkingen van de voorzitter verwerkt",
    ]
    assert drafts[0].user.username == "raadslid"
    final = len(letter.recommendations.all())
    counts_per_draft = [len(v.recommendations) for v in drafts]
    assert counts_per_draft[0] < counts_per_draft[1] < counts_per_draft[2] == final
    assert counts_per_draft == [
        len(LETTER_2022.recommendations_at(version)) for version in (1, 2, 3)
    ]
    # Each draft is numbered 1..n on its own.
    for version in drafts:
        numbers = [r.number for r in version.recommendations]
        assert numbers == list(range(1, len(numbers) + 1))
    assert "Sociale kaart" not in {r.heading for r in drafts[0].recommendations}
    assert "Sociale kaart" in {r.heading for r in drafts[1].recommendations}
    # Real edits between drafts, not only additions.
    first = {r.id: r.content for r in drafts[0].recommendations}
    last = {r.id: r.content for r in drafts[2].recommendations}
    assert any(first[pk] != last[pk] for pk in first)
    assert "<ol>" not in drafts[0].fields["introduction"]

    # Then the secretary: put forward, adopted, sent, each with a dated reason.
    transitions = versions[len(drafts) :]
    assert [v.status for v in transitions] == [
        LetterStatus.PROPOSED,
        LetterStatus.ADOPTED,
        LetterStatus.SENT,
    ]
    assert {v.user.username for v in transitions} == {"secretaris"}
    assert all("2022" in v.reason for v in transitions)
    assert versions[-1].recommendations == drafts[-1].recommendations


@pytest.mark.django_db
def test_samenspel_advice_of_2019_is_sent_with_its_points_under_three_headings():
    load_demo()
    letter = letter_2019()

    # Sent, and answered since: the college's reply is in the demo (test_demo_replies).
    assert letter.status == LetterStatus.ANSWERED and letter.is_public
    assert letter.date == datetime.date(2019, 3, 1)
    assert "Samenspel in het sociaal domein" in letter.subject
    # Gevraagd: it answers the college's plan van aanpak (test_demo_requests).
    assert letter.kind == AdviceKind.REQUESTED
    assert letter.request.reference == "AV-2019-01"
    assert letter.signatory_name == "Aljona Wertheim"
    # The date is an assumption, and the letter says so.
    assert "datum van dit advies staat niet in het stuk" in letter.introduction
    assert "28 maart" in letter.introduction

    recommendations = list(letter.recommendations.order_by("sort_order", "pk"))
    assert len(recommendations) == 12
    assert [r.number for r in recommendations] == list(range(1, 13))
    assert in_order(r.heading for r in recommendations) == [
        "Aandachtspunten Samenspel",
        "Aandachtspunten Organisatorisch",
        "Aandachtspunten Sociale basis/Mantelzorgers",
    ]
    by_title = {r.context.split("\n")[0]: r for r in recommendations}
    assert by_title["Geen ‘reorganisatie’ van het voorveld"].advice.startswith(
        "Erken de eigen dynamiek van de sociale basis."
    )
    assert by_title["Draagkracht"].heading == "Aandachtspunten Sociale basis/Mantelzorgers"
    assert by_title["Rollen en Professioneel Partnerschap"].heading == "Aandachtspunten Samenspel"
    assert by_title["Aanbesteding, contractering en subsidiëring"].heading == (
        "Aandachtspunten Organisatorisch"
    )
    assert "kostenverhogend" in by_title["Rollen en Professioneel Partnerschap"].context


@pytest.mark.django_db
def test_one_letter_is_a_concept_by_the_member_and_not_public(client):
    load_demo()
    concepts = list(AdviceLetter.objects.filter(status=LetterStatus.CONCEPT))
    assert len(concepts) == 1
    [concept] = concepts

    assert concept.reference == f"PR-{timezone.localdate().year}-01"
    assert "Concept" in concept.introduction
    assert "gesprekstafels" in concept.subject
    assert 2 <= concept.recommendations.count() <= 3
    assert concept.history.get().history_user.username == "raadslid"
    assert not concept.is_public
    assert concept not in AdviceLetter.objects.public()
    assert set(AdviceLetter.objects.public()) == {
        letter_2019(),
        AdviceLetter.objects.get(reference="PR-2019-02"),
        letter_2022(),
    }

    index = AdviceIndexPage.objects.get()
    assert client.get(index.url + f"{concept.reference}/").status_code == 404
    assert client.get(index.url + "PR-2022-01/").status_code == 200


@pytest.mark.django_db
def test_adviesaanvragen_adviezen_and_aanbevelingen_come_after_the_meetings_in_the_menu():
    load_demo()
    home = HomePage.objects.get()
    children = list(home.get_children().specific())
    slugs = [page.slug for page in children]

    assert slugs.index("adviesaanvragen") == slugs.index("bijeenkomsten") + 1
    assert slugs.index("adviezen") == slugs.index("adviesaanvragen") + 1
    index = AdviceIndexPage.objects.get()
    assert (index.title, index.show_in_menus, index.live) == ("Adviezen", True, True)
    assert index.intro and index.search_description
    assert [p.slug for p in children if p.show_in_menus] == [
        "bijeenkomsten",
        "adviesaanvragen",
        "adviezen",
        "aanbevelingen",
        "jaarverslagen",
        "over-de-participatieraad",
    ]


@pytest.mark.django_db
def test_running_twice_creates_nothing_twice_and_leaves_sent_letters_alone():
    output = load_demo()
    assert "advice letters: 4 created, 0 updated, 0 unchanged" in output
    first = counts()
    assert first["letters"] == 4

    output = load_demo()
    assert counts() == first
    assert "advice letters: 0 created, 0 updated, 4 unchanged" in output

    output = load_demo("--refresh")
    assert counts() == first
    assert "--refresh does not touch advice letters" in output


@pytest.mark.django_db
def test_without_demo_accounts_the_letters_are_skipped_with_a_note():
    output = load_demo("--no-accounts")
    assert AdviceLetter.objects.count() == 0
    assert "Demo advice letters skipped" in output
    assert AdviceIndexPage.objects.count() == 1

    load_demo()
    assert AdviceLetter.objects.count() == 4
