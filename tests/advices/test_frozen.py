"""From sending on, a letter's text and recommendations are frozen on every write path."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from advices.actions import transition
from advices.lifecycle.frozen import LetterFrozenError
from advices.models import AdviceLetter, LetterStatus, Recommendation
from tests.advices.admin_forms import letter_form_data
from tests.factories import ThemeFactory, make_letter

# What the erratum form says of a draft: not one of the letters it offers (sent ones only),
# or, should the form offer drafts, the model's own rule.
ERRATUM_ON_A_DRAFT = [
    "Selecteer een geldige keuze. Deze keuze is niet beschikbaar.",
    "Een erratum hoort bij een verzonden brief. Pas een concept gewoon aan.",
]


@pytest.fixture
def sent(db, secretary):
    return make_letter(recommendations=3, status=LetterStatus.SENT, user=secretary)


def snapshot(letter):
    letter = AdviceLetter.objects.get(pk=letter.pk)
    return (
        {name: getattr(letter, name) for name in ["subject", "introduction", "status"]},
        list(letter.recommendations.order_by("sort_order").values_list("pk", "number", "advice")),
        list(letter.themes.values_list("pk", flat=True)),
        letter.history.count(),
    )


def test_save_in_the_shell_is_refused(sent):
    before = snapshot(sent)
    sent.subject = "Stil gewijzigd"
    with pytest.raises(LetterFrozenError):
        sent.save()
    assert snapshot(sent) == before


def test_recommendation_save_and_delete_are_refused(sent):
    before = snapshot(sent)
    recommendation = sent.recommendations.first()
    recommendation.advice = "Iets anders"
    with pytest.raises(LetterFrozenError):
        recommendation.save()
    with pytest.raises(LetterFrozenError):
        recommendation.delete()
    with pytest.raises(LetterFrozenError):
        Recommendation.objects.create(letter=sent, advice="Nog een")
    assert snapshot(sent) == before


@pytest.mark.parametrize(
    "write",
    [
        lambda letter: AdviceLetter.objects.filter(pk=letter.pk).update(subject="Bulk"),
        lambda letter: AdviceLetter.objects.filter(pk=letter.pk).delete(),
        lambda letter: Recommendation.objects.filter(letter=letter).update(advice="Bulk"),
        lambda letter: Recommendation.objects.filter(letter=letter).delete(),
        lambda letter: Recommendation.objects.bulk_create(
            [Recommendation(letter=letter, advice="x")]
        ),
        lambda letter: letter.delete(),
        lambda letter: letter.themes.add(ThemeFactory()),
    ],
    ids=[
        "letter-update",
        "letter-delete",
        "recs-update",
        "recs-delete",
        "bulk-create",
        "delete",
        "m2m",
    ],
)
def test_bulk_and_relation_writes_are_refused(sent, write):
    before = snapshot(sent)
    with pytest.raises(LetterFrozenError):
        write(sent)
        sent.save()  # parental many-to-many changes are committed on save
    assert snapshot(sent) == before


def test_data_import_over_a_sent_letter_is_refused(sent, tmp_path):
    before = snapshot(sent)
    fixture = tmp_path / "import.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "advices.recommendation",
                    "pk": sent.recommendations.first().pk,
                    "fields": {
                        "letter": sent.pk,
                        "sort_order": 1,
                        "advice": "Geïmporteerd",
                        "number": 1,
                    },
                }
            ]
        )
    )
    with pytest.raises(LetterFrozenError):
        call_command("loaddata", str(fixture), verbosity=0)
    assert snapshot(sent) == before


def test_admin_edit_post_is_refused_and_nothing_changes(client, secretary, sent, site_tree):
    before = snapshot(sent)
    client.force_login(secretary)
    data = letter_form_data(sent, subject="Via het formulier")
    response = client.post(
        reverse("wagtailsnippets_advices_adviceletter:edit", args=[sent.pk]), data
    )
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert "kan niet meer worden gewijzigd" in follow.content.decode()
    assert snapshot(sent) == before


def test_admin_inline_delete_is_refused(client, member, site_tree, secretary):
    """The form check catches an adoption that happened while the editor had the form open."""
    letter = make_letter(recommendations=2, status=LetterStatus.PROPOSED)
    client.force_login(member)
    first, second = letter.recommendations.order_by("sort_order")
    data = letter_form_data(
        letter,
        recommendations=[
            {"id": first.pk, "advice": first.advice},
            {"id": second.pk, "advice": second.advice, "delete": True},
        ],
    )
    transition(letter, "adopt", secretary)
    before = snapshot(letter)
    edit_url = reverse("wagtailsnippets_advices_adviceletter:edit", args=[letter.pk])
    response = client.post(edit_url, data)
    assert response.status_code == 302  # sent to the status page with the reason
    assert snapshot(letter) == before


def test_admin_delete_and_bulk_delete_are_refused(client, secretary, sent, site_tree):
    before = snapshot(sent)
    client.force_login(secretary)
    response = client.post(
        reverse("wagtailsnippets_advices_adviceletter:delete", args=[sent.pk]), follow=True
    )
    assert "kan niet meer worden gewijzigd" in response.content.decode()
    bulk_url = (
        reverse("wagtail_bulk_action", args=["advices", "adviceletter", "delete"])
        + f"?id={sent.pk}"
    )
    response = client.post(bulk_url, follow=True)
    assert "kan niet meer worden gewijzigd" in response.content.decode()
    assert snapshot(sent) == before


def test_concept_letters_can_be_deleted_by_the_secretariat(client, secretary, site_tree):
    letter = make_letter()
    client.force_login(secretary)
    client.post(reverse("wagtailsnippets_advices_adviceletter:delete", args=[letter.pk]))
    assert not AdviceLetter.objects.filter(pk=letter.pk).exists()


def test_a_correction_is_an_erratum_beside_the_letter(client, secretary, sent, index):
    before = snapshot(sent)
    client.force_login(secretary)
    response = client.post(
        reverse("wagtailsnippets_advices_erratum:add"),
        {
            "letter": sent.pk,
            "date": "2022-06-20",
            "text": "In aanbeveling 2 staat 2021; dit moet 2022 zijn.",
        },
    )
    assert response.status_code == 302
    erratum = sent.errata.get()
    assert erratum.created_by == secretary
    assert snapshot(sent) == before
    # The reader sees the correction beside the letter, which itself is unchanged.
    html = client.get(index.letter_url(sent)).content.decode()
    assert "In aanbeveling 2 staat 2021; dit moet 2022 zijn." in html
    assert 'Correctie van <time datetime="2022-06-20">20 juni 2022</time>' in html
    assert "Sterke sociale basis" in html


def test_an_erratum_cannot_be_attached_to_a_draft(client, secretary, site_tree):
    draft = make_letter()
    client.force_login(secretary)
    response = client.post(
        reverse("wagtailsnippets_advices_erratum:add"),
        {"letter": draft.pk, "date": "2022-06-20", "text": "Fout"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    # Refused for the letter it names, and for nothing else in what was typed.
    assert set(form.errors) == {"letter"}, form.errors
    (message,) = form.errors["letter"]
    assert message in ERRATUM_ON_A_DRAFT
    assert message in response.content.decode()
    assert not draft.errata.exists()
