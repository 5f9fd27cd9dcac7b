"""Everything a Dutch user reads in the admin is Dutch and plain: no field names ("Loaded
version"), no English help links ("Editor Guide"), no "---------" as the empty choice, no
stock "eenzelfde" messages."""

from django.urls import reverse

from advices.models import LetterStatus
from tests.factories import (
    CollegeResponseFactory,
    CommitmentFactory,
    CouncilAssessmentFactory,
    FollowUpFactory,
    make_letter,
)

SNIPPET = "wagtailsnippets_advices_{}:{}"


def page(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, name
    return response.content.decode()


def test_the_letter_form_shows_no_raw_field_name_and_still_says_what_it_loaded(
    client, member, site_tree
):
    letter = make_letter(recommendations=1)
    client.force_login(member)
    for html in [
        page(client, SNIPPET.format("adviceletter", "add")),
        page(client, SNIPPET.format("adviceletter", "edit"), letter.pk),
    ]:
        assert "Loaded version" not in html
        assert 'type="hidden" name="loaded_version"' in html
    assert f'name="loaded_version" value="{letter.edit_version}"' in html


def test_the_college_forms_show_no_raw_field_name(client, clerk, member, site_tree):
    commitment = CommitmentFactory(
        recommendation=CollegeResponseFactory().letter.recommendations.first()
    )
    update = FollowUpFactory(commitment=commitment)
    client.force_login(clerk)
    pages = [
        page(client, SNIPPET.format(model, view), *args)
        for model, view, args in [
            ("collegeresponse", "add", ()),
            ("collegeresponse", "edit", (commitment.recommendation.letter.college_response.pk,)),
            ("commitment", "add", ()),
            ("commitment", "edit", (commitment.pk,)),
            ("followup", "add", ()),
            ("followup", "edit", (update.pk,)),
        ]
    ]
    client.force_login(member)
    assessment = CouncilAssessmentFactory(recommendation=commitment.recommendation)
    pages.append(page(client, SNIPPET.format("councilassessment", "edit"), assessment.pk))
    for html in pages:
        assert "Loaded marker" not in html
        assert 'type="hidden" name="loaded_marker"' in html


def test_the_help_menu_has_no_english_links(client, secretary, site_tree):
    client.force_login(secretary)
    html = page(client, "wagtailadmin_home")
    assert "Editor Guide" not in html
    assert "guide.wagtail.org" not in html
    assert "What's new" not in html
    assert "Sneltoetsen" in html  # the help menu itself stays, in Dutch
    assert '<html lang="nl"' in html


def test_no_select_box_starts_with_dashes(client, clerk, member, secretary, site_tree):
    letter = make_letter(recommendations=2, status=LetterStatus.SENT)
    reply = CollegeResponseFactory(letter=letter)
    CommitmentFactory(recommendation=letter.recommendations.first())
    make_letter(recommendations=1, status=LetterStatus.SENT)
    screens = {
        secretary: [
            (SNIPPET.format("adviceletter", "add"), ()),
            (SNIPPET.format("erratum", "add"), ()),
        ],
        member: [(SNIPPET.format("councilassessment", "add"), ())],
        clerk: [
            (SNIPPET.format("collegeresponse", "add"), ()),
            (SNIPPET.format("commitment", "add"), ()),
            (SNIPPET.format("followup", "add"), ()),
            (SNIPPET.format("collegeresponse", "answers"), (reply.pk,)),
        ],
    }
    for user, names in screens.items():
        client.force_login(user)
        for name, args in names:
            html = page(client, name, *args)
            assert "---------" not in html, name
            assert "<select" in html, name
            if name != SNIPPET.format("adviceletter", "add"):  # its selects have a default
                assert "— kies —" in html, name


def test_a_second_assessment_of_a_recommendation_is_refused_in_plain_dutch(
    client, member, site_tree
):
    existing = CouncilAssessmentFactory()
    client.force_login(member)
    response = client.post(
        reverse(SNIPPET.format("councilassessment", "add")),
        {"recommendation": existing.recommendation.pk, "assessment": "tevreden", "note": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "De raad heeft over deze aanbeveling al een oordeel gegeven." in html
    assert "eenzelfde" not in html


def test_the_admin_speaks_dutch_whatever_the_browser_asks(client, secretary, site_tree):
    client.force_login(secretary)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-GB,en")
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert "Sneltoetsen" in html and "Shortcuts" not in html
