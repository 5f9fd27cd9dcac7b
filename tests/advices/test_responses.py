"""Recording the college's reply, verdicts, commitments and follow-up, per group."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from advices.actions.college import RecordProgress, RecordReply
from advices.models import (
    CollegeResponse,
    Commitment,
    CouncilAssessment,
    FollowUp,
    FollowUpState,
    LetterStatus,
    RecommendationAnswer,
    Verdict,
)
from tests.advices.response_helpers import pdf_upload
from tests.factories import make_letter

RESPONSES = "wagtailsnippets_advices_collegeresponse"


@pytest.fixture
def sent_letter(db, secretary):
    return make_letter(recommendations=3, status=LetterStatus.SENT, user=secretary)


def record_reply(letter, clerk, **fields):
    fields.setdefault("received_on", datetime.date(2022, 8, 1))
    fields.setdefault("text", "Dank voor uw advies.")
    return RecordReply(CollegeResponse(letter=letter, **fields), clerk).execute()


def test_clerk_records_the_reply_in_the_admin(
    client, clerk, secretary, sent_letter, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(f"{RESPONSES}:add"),
            {
                "letter": sent_letter.pk,
                "received_on": "2022-08-01",
                "college_reference": "Z/22/123",
                "reply_file": pdf_upload(),
                "summary": "Het college neemt de meeste adviezen over.",
                "text": "",
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    reply = CollegeResponse.objects.get()
    assert response["Location"] == reverse(f"{RESPONSES}:answers", args=[reply.pk])
    assert reply.recorded_by == clerk
    assert reply.answers.count() == 3
    sent_letter.refresh_from_db()
    assert sent_letter.status == LetterStatus.ANSWERED
    assert sent_letter.history.first().history_user == clerk
    assert [mail.to for mail in mailoutbox] == [[secretary.email]]
    assert sent_letter.reference in mailoutbox[0].subject
    assert "ontvangen op 1 augustus 2022" in mailoutbox[0].body


def test_clerk_gives_verdicts_per_recommendation(client, clerk, sent_letter):
    reply = record_reply(sent_letter, clerk)
    answers = list(reply.answers.order_by("recommendation__number"))
    client.force_login(clerk)
    data = {
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "3",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    verdicts = [Verdict.ADOPTED, Verdict.NOT_ADOPTED, ""]
    for index, (answer, verdict) in enumerate(zip(answers, verdicts, strict=True)):
        data.update(
            {
                f"form-{index}-id": str(answer.pk),
                f"form-{index}-verdict": verdict,
                f"form-{index}-answer": f"Antwoord {index + 1}" if verdict else "",
            }
        )
    url = reverse(f"{RESPONSES}:answers", args=[reply.pk])
    data["loaded_marker"] = client.get(url).context["loaded_marker"]  # what the page sends
    response = client.post(url, data, follow=True)
    assert "De standpunten zijn opgeslagen." in response.content.decode()
    assert [a.verdict for a in reply.answers.order_by("recommendation__number")] == verdicts
    first = RecommendationAnswer.history.filter(id=answers[0].pk).first()
    assert (first.verdict, first.history_user) == (Verdict.ADOPTED, clerk)


def test_the_council_sees_but_cannot_change_the_verdict(client, clerk, member, sent_letter):
    reply = record_reply(sent_letter, clerk)
    client.force_login(member)
    url = reverse(f"{RESPONSES}:answers", args=[reply.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "De raad kan het standpunt van het college niet wijzigen." in page.content.decode()
    response = client.post(url, {"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"})
    assert response.status_code == 403
    assert "De raad kan het standpunt van het college niet wijzigen." in response.content.decode()
    edit = client.get(reverse(f"{RESPONSES}:edit", args=[reply.pk]))
    assert edit.status_code == 403
    assert "Alleen de gemeente legt de reactie van het college vast." in edit.content.decode()


def test_the_municipality_cannot_change_the_councils_assessment(client, clerk, sent_letter):
    client.force_login(clerk)
    url = reverse("wagtailsnippets_advices_councilassessment:add")
    response = client.get(url)
    assert response.status_code == 403
    assert "De gemeente kan dit oordeel niet wijzigen." in response.content.decode()


def test_the_council_records_its_assessment(client, member, clerk, sent_letter):
    record_reply(sent_letter, clerk)
    recommendation = sent_letter.recommendations.first()
    client.force_login(member)
    response = client.post(
        reverse("wagtailsnippets_advices_councilassessment:add"),
        {"recommendation": recommendation.pk, "assessment": "deels-tevreden", "note": "Te vaag."},
    )
    assert response.status_code == 302
    assessment = CouncilAssessment.objects.get()
    assert assessment.history.first().history_user == member


def test_the_municipality_never_sees_drafts(client, clerk, sent_letter):
    draft = make_letter(subject="Geheim concept", recommendations=1)
    client.force_login(clerk)
    form = client.get(reverse(f"{RESPONSES}:add")).context["form"]
    letters = list(form.fields["letter"].queryset)
    assert sent_letter in letters and draft not in letters
    form = client.get(reverse("wagtailsnippets_advices_commitment:add")).context["form"]
    assert not form.fields["recommendation"].queryset.filter(letter=draft).exists()
    for url in [
        reverse("wagtailsnippets_advices_adviceletter:list"),
        reverse("wagtailsnippets_advices_adviceletter:edit", args=[draft.pk]),
        reverse("wagtailsnippets_advices_adviceletter:status", args=[draft.pk]),
    ]:
        assert client.get(url).status_code in (302, 403), url
    response = client.post(
        reverse(f"{RESPONSES}:add"),
        {"letter": draft.pk, "received_on": "2022-08-01", "text": "Antwoord"},
    )
    assert response.status_code == 200
    assert not CollegeResponse.objects.exists()


def test_a_reply_to_an_unsent_letter_is_refused(db, clerk):
    draft = make_letter()
    with pytest.raises(Exception, match="verzonden"):
        record_reply(draft, clerk)


def test_commitment_with_a_quarter_and_a_visible_redate(client, clerk, sent_letter):
    record_reply(sent_letter, clerk)  # the college commits in its reply
    recommendation = sent_letter.recommendations.first()
    client.force_login(clerk)
    add = client.post(
        reverse("wagtailsnippets_advices_commitment:add"),
        {
            "recommendation": recommendation.pk,
            "description": "Inventarisatie van organisaties",
            "responsible": "Team sociaal domein",
            "contact_email": "sociaal@example.org",
            "due": "eerste kwartaal 2020",
            "redate_reason": "",
        },
    )
    assert add.status_code == 302, add.context["form"].errors
    commitment = Commitment.objects.get()
    assert (commitment.due_date, commitment.due_precision) == (
        datetime.date(2020, 3, 31),
        "kwartaal",
    )
    edit_url = reverse("wagtailsnippets_advices_commitment:edit", args=[commitment.pk])
    data = {
        "recommendation": recommendation.pk,
        "description": commitment.description,
        "responsible": commitment.responsible,
        "contact_email": commitment.contact_email,
        "due": "Q4 2020",
        "redate_reason": "",
    }
    refused = client.post(edit_url, data)
    assert refused.status_code == 200
    assert "Geef aan waarom de datum verandert." in refused.content.decode()
    data["redate_reason"] = "Eerst de nieuwe wijkindeling afwachten."
    assert client.post(edit_url, data).status_code == 302
    commitment.refresh_from_db()
    assert commitment.due_date == datetime.date(2020, 12, 31)
    assert commitment.original_due_date == datetime.date(2020, 3, 31)
    assert commitment.redate_reason == "Eerst de nieuwe wijkindeling afwachten."
    assert commitment.history.count() == 2


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ("morgen", "Schrijf een datum"),
        ("Q5 2020", "Schrijf een datum"),
        # not rolled over to 3 March: the day does not exist
        ("31-02-2021", "Deze datum bestaat niet."),
        ("2021-04-31", "Deze datum bestaat niet."),
    ],
)
def test_a_due_date_people_cannot_read_is_refused(client, clerk, sent_letter, due, message):
    record_reply(sent_letter, clerk)
    client.force_login(clerk)
    response = client.post(
        reverse("wagtailsnippets_advices_commitment:add"),
        {
            "recommendation": sent_letter.recommendations.first().pk,
            "description": "x",
            "responsible": "y",
            "due": due,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Commitment.objects.exists()


def test_follow_ups_move_the_letter_to_closed_and_back(db, clerk, sent_letter):
    reply = record_reply(sent_letter, clerk)
    for answer in reply.answers.all():
        answer.verdict = Verdict.ADOPTED
        RecordProgress(answer, clerk).execute()
    recommendations = list(sent_letter.recommendations.all())
    for recommendation in recommendations:
        RecordProgress(
            FollowUp(
                recommendation=recommendation,
                date=datetime.date(2023, 1, 1),
                state=FollowUpState.DONE,
                note="Klaar.",
            ),
            clerk,
        ).execute()
    sent_letter.refresh_from_db()
    assert sent_letter.status == LetterStatus.CLOSED
    RecordProgress(
        FollowUp(
            recommendation=recommendations[0],
            date=datetime.date(2023, 2, 1),
            state=FollowUpState.IN_PROGRESS,
            note="Toch nog niet af.",
        ),
        clerk,
    ).execute()
    sent_letter.refresh_from_db()
    assert sent_letter.status == LetterStatus.ANSWERED
    statuses = list(sent_letter.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[-3:] == [LetterStatus.ANSWERED, LetterStatus.CLOSED, LetterStatus.ANSWERED]


def test_follow_up_on_another_recommendations_commitment_is_refused(db, clerk):
    letter = make_letter(recommendations=2, status=LetterStatus.SENT)
    first, second = letter.recommendations.order_by("number")
    commitment = Commitment.objects.create(
        recommendation=first, description="x", responsible="y", due_date=datetime.date(2030, 1, 1)
    )
    with pytest.raises(Exception, match="andere aanbeveling"):
        RecordProgress(
            FollowUp(recommendation=second, commitment=commitment, state="gepland", note="n"),
            clerk,
        ).execute()


ADD_VIEWS = {
    "reply": "wagtailsnippets_advices_collegeresponse:add",
    "commitment": "wagtailsnippets_advices_commitment:add",
    "follow-up": "wagtailsnippets_advices_followup:add",
    "assessment": "wagtailsnippets_advices_councilassessment:add",
}
MAY_ADD = {
    "Raadsleden": {"assessment"},
    "Secretariaat": {"assessment"},
    "Gemeente": {"reply", "commitment", "follow-up"},
}


@pytest.mark.parametrize("group", sorted(MAY_ADD))
@pytest.mark.parametrize("what", sorted(ADD_VIEWS))
def test_who_may_record_what(client, site_tree, group, what):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username=f"lid-{group.lower()}", groups=[group]))
    response = client.get(reverse(ADD_VIEWS[what]))
    if what in MAY_ADD[group]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "Alleen" in response.content.decode()  # the reason says who may


def test_the_municipality_cannot_edit_pages(client, clerk, site_tree):
    home, index = site_tree
    client.force_login(clerk)
    response = client.get(f"/admin/pages/{index.pk}/edit/")
    assert response.status_code == 403
    assert "U werkt niet aan pagina&#x27;s van de website" in response.content.decode()


def test_a_recorded_reply_stays_with_its_letter(client, clerk, secretary, sent_letter):
    """Moving a reply to another letter would leave the first one answered without a reply."""
    reply = record_reply(sent_letter, clerk)
    other = make_letter(recommendations=1, status=LetterStatus.SENT, user=secretary)
    client.force_login(clerk)
    url = reverse(f"{RESPONSES}:edit", args=[reply.pk])
    page = client.get(url)
    # The form shows the letter but offers no other: the field is disabled, and says why.
    letter_field = page.context["form"].fields["letter"]
    assert letter_field.disabled
    assert list(letter_field.shown) == [sent_letter]
    assert "Een vastgelegde reactie hoort altijd bij dezelfde brief." in page.content.decode()
    # A post that names another letter anyway (an old form, a script) keeps the letter.
    client.post(
        url,
        {
            "letter": other.pk,
            "received_on": "2022-08-01",
            "college_reference": "",
            "summary": "",
            "text": "Dank voor uw advies.",
            "loaded_marker": page.context["form"]["loaded_marker"].value(),
        },
    )
    reply.refresh_from_db()
    assert reply.letter_id == sent_letter.pk
    sent_letter.refresh_from_db()
    other.refresh_from_db()
    assert (sent_letter.status, other.status) == (LetterStatus.ANSWERED, LetterStatus.SENT)
    # And the action refuses the move by any path, with the reason.
    moved = CollegeResponse.objects.get(pk=reply.pk)
    moved.letter = other
    with pytest.raises(ValidationError, match="dezelfde brief"):
        RecordReply(moved, clerk).execute()
