"""Recording the college's side: the letter first, then its recommendations (one group per
letter, with its reference); only what may be chosen; commitments with enough text, narrowed
to the chosen recommendation; a commitment added straight from the verdicts page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advices.models import Commitment, LetterStatus
from tests.factories import CollegeResponseFactory, CommitmentFactory, make_letter

SNIPPET = "wagtailsnippets_advices_{}:{}"


def select(html, name):
    """The HTML of the ``<select name=...>``."""
    match = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert match, f"no select {name}"
    return match.group(1)


def groups(select_html):
    """``{optgroup label: [option texts]}`` in order."""
    found = re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select_html, re.S)
    return {
        label: [text.strip() for text in re.findall(r"<option[^>]*>([^<]*)</option>", body)]
        for label, body in found
    }


def selected(select_html):
    return re.findall(r'<option value="(\d+)" selected>', select_html)


@pytest.fixture
def letters(secretary, site_tree):
    """A concept, an adopted letter, a sent one without a reply and two with one."""
    return {
        "concept": make_letter(recommendations=1, subject="Nog een concept"),
        "adopted": make_letter(
            recommendations=1, status=LetterStatus.ADOPTED, subject="Vastgesteld", user=secretary
        ),
        "sent": make_letter(
            recommendations=2, status=LetterStatus.SENT, subject="Verzonden", user=secretary
        ),
        "answered": CollegeResponseFactory(
            letter=make_letter(
                recommendations=2, status=LetterStatus.SENT, subject="Beantwoord", user=secretary
            )
        ).letter,
        "answered_too": CollegeResponseFactory(
            letter=make_letter(
                recommendations=[{"advice": "Maak de wijkteams beter bereikbaar voor iedereen."}],
                status=LetterStatus.SENT,
                subject="Ook beantwoord",
                user=secretary,
            )
        ).letter,
    }


def label(letter):
    return f"{letter.reference} · {letter.subject}"


def test_a_commitment_is_chosen_per_letter_among_letters_with_a_reply(client, clerk, letters):
    client.force_login(clerk)
    html = client.get(reverse(SNIPPET.format("commitment", "add"))).content.decode()
    options = select(html, "recommendation")
    assert options.lstrip().startswith('<option value="" selected>— kies —</option>')
    assert groups(options) == {
        label(letters["answered_too"]): ["1. Maak de wijkteams beter bereikbaar voor iedereen."],
        label(letters["answered"]): [
            "1. Wij adviseren u maatregel 1 te nemen.",
            "2. Wij adviseren u maatregel 2 te nemen.",
        ],
    }


def test_progress_is_chosen_per_letter_among_sent_letters_only(client, clerk, letters):
    client.force_login(clerk)
    html = client.get(reverse(SNIPPET.format("followup", "add"))).content.decode()
    offered = groups(select(html, "recommendation"))
    assert set(offered) == {label(letters[name]) for name in ("sent", "answered", "answered_too")}
    assert "Nog een concept" not in html and "Vastgesteld ·" not in html


def test_the_commitment_of_an_update_is_shown_in_full_and_narrowed_to_its_recommendation(
    client, clerk, letters
):
    first, second = letters["answered"].recommendations.order_by("number")
    long_text = (
        "Het college organiseert in elke wijk een bijeenkomst met mantelzorgers, "
        "vrijwilligers en het wijkteam, en maakt daarvan een verslag."
    )
    mine = CommitmentFactory(recommendation=first, description=long_text)
    CommitmentFactory(recommendation=second, description="Een folder over het wijkteam.")
    client.force_login(clerk)
    add = reverse(SNIPPET.format("followup", "add"))

    everything = select(client.get(add).content.decode(), "commitment")
    assert "— geen: over de aanbeveling zelf —" in everything
    assert set(groups(everything)) == {
        f"Aanbeveling {first.label}: {first.advice}",
        f"Aanbeveling {second.label}: {second.advice}",
    }

    html = client.get(add, {"aanbeveling": first.pk}).content.decode()
    assert selected(select(html, "recommendation")) == [str(first.pk)]
    narrowed = groups(select(html, "commitment"))
    assert narrowed == {
        f"Aanbeveling {first.label}: {first.advice}": [
            f"{long_text} (uiterlijk {mine.due_date.day} maart 2023)"
        ]
    }


def test_the_reply_is_recorded_for_a_sent_letter_without_a_reply_only(client, clerk, letters):
    client.force_login(clerk)
    html = client.get(reverse(SNIPPET.format("collegeresponse", "add"))).content.decode()
    options = re.findall(r'<option value="(\d+)"', select(html, "letter"))
    assert options == [str(letters["sent"].pk)]
    assert "Nog een concept" not in html
    assert "(verzonden " in select(html, "letter")


def test_an_erratum_is_added_to_a_sent_letter_only(client, secretary, letters):
    client.force_login(secretary)
    html = client.get(reverse(SNIPPET.format("erratum", "add"))).content.decode()
    options = re.findall(r'<option value="(\d+)"', select(html, "letter"))
    public = {letters[name].pk for name in ("sent", "answered", "answered_too")}
    assert set(map(int, options)) == public


def test_a_commitment_is_added_straight_from_the_verdicts_page(client, clerk, member, letters):
    letter = letters["answered"]
    reply = letter.college_response
    recommendation = letter.recommendations.order_by("number").last()
    verdicts = reverse(SNIPPET.format("collegeresponse", "answers"), args=[reply.pk])
    add = reverse(SNIPPET.format("commitment", "add"))
    client.force_login(clerk)
    html = client.get(verdicts).content.decode()
    link = f"{add}?aanbeveling={recommendation.pk}"
    assert f'href="{link}"' in html
    assert "Toezegging toevoegen" in html

    form = client.get(link).content.decode()
    assert selected(select(form, "recommendation")) == [str(recommendation.pk)]
    response = client.post(
        link,
        {
            "recommendation": recommendation.pk,
            "description": "Een proef met een vast aanspreekpunt.",
            "responsible": "Wethouder zorg",
            "contact_email": "",
            "due": "Q2 2023",
            "redate_reason": "",
        },
    )
    assert response.status_code == 302
    assert Commitment.objects.get().recommendation == recommendation
    assert "Een proef met een vast aanspreekpunt." in client.get(verdicts).content.decode()

    client.force_login(member)  # the council reads the verdicts, records no commitments
    assert "Toezegging toevoegen" not in client.get(verdicts).content.decode()


def test_the_choosers_cost_the_same_queries_however_many_letters(
    client, clerk, secretary, site_tree
):
    def queries():
        client.force_login(clerk)
        with CaptureQueriesContext(connection) as captured:
            for model in ("commitment", "followup"):
                assert client.get(reverse(SNIPPET.format(model, "add"))).status_code == 200
        return len(captured)

    def answered_letter():
        letter = make_letter(recommendations=3, status=LetterStatus.SENT, user=secretary)
        reply = CollegeResponseFactory(letter=letter)
        CommitmentFactory(recommendation=letter.recommendations.first())
        return reply

    answered_letter()
    few = queries()
    for _ in range(3):
        answered_letter()
    assert queries() == few


def test_a_reply_form_opened_before_another_reply_was_recorded_says_why(client, clerk, letters):
    letter = letters["sent"]
    client.force_login(clerk)
    add = reverse(SNIPPET.format("collegeresponse", "add"))
    assert str(letter.pk) in select(client.get(add).content.decode(), "letter")
    CollegeResponseFactory(letter=letter)  # a colleague was quicker
    response = client.post(add, {"letter": letter.pk, "text": "Dank voor uw advies."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Voor deze brief is al een reactie van het college vastgelegd." in html
    assert "Dank voor uw advies." in html  # what they typed is kept


def letter_links(html):
    """The "Kies eerst de brief" links: ``{reference: href}``, and the current one."""
    panel = re.search(r'<nav[^>]*aria-labelledby="letter-first-heading".*?</nav>', html, re.S)
    assert panel, "no 'Kies eerst de brief'"
    links = dict(
        (text.split(" · ")[0], href.replace("&amp;", "&"))
        for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', panel.group(0))
    )
    current = re.findall(r'<strong aria-current="true">([^<]*)</strong>', panel.group(0))
    return links, current


def test_the_clerk_chooses_the_letter_first_then_sees_only_its_recommendations(
    client, clerk, letters
):
    client.force_login(clerk)
    add = reverse(SNIPPET.format("followup", "add"))
    links, current = letter_links(client.get(add).content.decode())
    sent, answered = letters["sent"], letters["answered"]
    # Sent letters only, each a link that narrows the list; no concept, no adopted letter.
    assert set(links) == {sent.reference, answered.reference, letters["answered_too"].reference}
    assert current == []

    html = client.get(links[answered.reference]).content.decode()
    assert list(groups(select(html, "recommendation"))) == [label(answered)]
    links, current = letter_links(html)
    assert current == [label(answered)]
    assert links["Alle brieven"] == add

    # Typed in lower case, as a clerk may: the same letter.
    lower = client.get(add, {"brief": answered.reference.lower()}).content.decode()
    assert list(groups(select(lower, "recommendation"))) == [label(answered)]


def test_a_letter_that_cannot_be_chosen_shows_all_letters_with_a_notice(client, clerk, letters):
    client.force_login(clerk)
    add = reverse(SNIPPET.format("commitment", "add"))
    for asked in (letters["sent"].reference, letters["concept"].reference, "bestaat-niet"):
        response = client.get(add, {"brief": asked})
        html = response.content.decode()
        assert response.status_code == 200
        assert f"Er is geen brief '{asked}'" in html
        # Commitments need a recorded reply: the two answered letters, not the one asked for.
        assert set(groups(select(html, "recommendation"))) == {
            label(letters["answered"]),
            label(letters["answered_too"]),
        }


def test_choosing_the_letter_first_costs_the_same_queries_for_more_letters(
    client, clerk, secretary, letters, django_assert_max_num_queries
):
    client.force_login(clerk)
    add = reverse(SNIPPET.format("followup", "add"))
    with CaptureQueriesContext(connection) as few:
        client.get(add, {"brief": letters["answered"].reference})
    for _ in range(5):
        make_letter(recommendations=3, status=LetterStatus.SENT, user=secretary)
    with django_assert_max_num_queries(len(few)):
        client.get(add, {"brief": letters["answered"].reference})
