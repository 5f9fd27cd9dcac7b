"""Two people adding the same unique thing at once: the form checked it before the other's save
landed, so the database refuses the second. That is a clear message with the input kept,
never a 500. The other person's save is played in between by a one-shot ``pre_save``
receiver, exactly where a parallel request would land (tests/parallel races real requests
through a server; here the interleaving is exact and every run the same)."""

import contextlib

from django.db.models.signals import pre_save
from django.urls import reverse

from advices.models import AdviceLetter, CouncilAssessment
from tests.advices.admin_forms import letter_form_data
from tests.factories import RecommendationFactory, make_letter


@contextlib.contextmanager
def someone_else_first(model, save):
    """Run ``save`` once, just before the next save of a new ``model`` row."""
    done = []

    def receiver(sender, instance, raw, **kwargs):
        if not done and instance.pk is None:
            done.append(True)
            save()

    pre_save.connect(receiver, sender=model, weak=False)
    try:
        yield done
    finally:
        pre_save.disconnect(receiver, sender=model)


def test_a_reference_taken_at_the_same_moment_is_a_clear_message(client, secretary, site_tree):
    client.force_login(secretary)
    data = letter_form_data(
        None,
        recommendations=[{"advice": "Mijn advies"}],
        reference="PR-2022-07",
        subject="Mijn brief",
    )

    def other():
        make_letter(recommendations=1, reference="PR-2022-07", subject="De brief van een ander")

    with someone_else_first(AdviceLetter, other) as done:
        response = client.post(reverse("wagtailsnippets_advices_adviceletter:add"), data)
    assert done
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit kenmerk is zojuist door iemand anders gebruikt" in html
    assert "Mijn brief" in html  # what was typed stays
    # (The other's row was written in this test's transaction, so it is rolled back with
    # the refused save; in real life it stays: tests/parallel.)
    assert not AdviceLetter.objects.filter(subject="Mijn brief").exists()


def test_an_assessment_given_at_the_same_moment_is_a_clear_message(client, member, site_tree):
    recommendation = RecommendationFactory(sent=True)
    client.force_login(member)
    url = reverse("wagtailsnippets_advices_councilassessment:add")
    data = {"recommendation": recommendation.pk, "assessment": "tevreden", "note": "Mijn oordeel"}

    def other():
        CouncilAssessment.objects.create(
            recommendation=recommendation, assessment="niet-tevreden", note="Eerder oordeel"
        )

    with someone_else_first(CouncilAssessment, other) as done:
        response = client.post(url, data)
    assert done
    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft dit zojuist al vastgelegd" in html
    assert "Mijn oordeel" in html
    assert not CouncilAssessment.objects.filter(note="Mijn oordeel").exists()
