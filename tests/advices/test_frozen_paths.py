"""What was sent never changes, by any path: every ORM write that would alter a sent letter —
its text, status, recommendations, the themes and meetings it cites, its stored PDF — is
refused, and afterwards the letter is exactly as it was. Runs on SQLite and PostgreSQL.

The paths are the ones a review found open (issue 10) and the neighbours of each.
"""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from advices.actions import transition
from advices.actions.letters import RestoreVersion
from advices.models import (
    AdviceLetter,
    LetterStatus,
    Recommendation,
    SentLetterPdf,
)
from home.models import MeetingPage, Theme
from tests.factories import ThemeFactory, add_meeting, make_letter

THEMES = AdviceLetter.themes.through
MEETINGS = AdviceLetter.meetings.through


@pytest.fixture
def world(site_tree, secretary):
    """A sent letter citing a theme and a meeting, and a draft with its own recommendation."""
    _home, meetings = site_tree
    theme = ThemeFactory(name="Jeugd")
    meeting = add_meeting(meetings, title="Ontmoet en groet")
    sent = make_letter(recommendations=2, themes=[theme], meetings=[meeting])
    transition(sent, "propose", secretary)
    transition(sent, "adopt", secretary)
    transition(sent, "send", secretary)
    draft = make_letter(recommendations=1, reference="PR-2099-01")
    return {
        "sent": sent,
        "draft": draft,
        "theme": theme,
        "meeting": meeting,
        "secretary": secretary,
    }


def snapshot(letter):
    """Everything that was sent: the row, its recommendations, what it cites, the PDF."""
    letter = AdviceLetter.objects.get(pk=letter.pk)
    pdf = SentLetterPdf.objects.get(letter=letter)
    with pdf.file.open("rb") as stored:
        stored_sha = hashlib.sha256(stored.read()).hexdigest()
    return {
        "letter": AdviceLetter.objects.filter(pk=letter.pk).values().get(),
        "recommendations": list(
            Recommendation.objects.filter(letter=letter)
            .order_by("pk")
            .values_list("pk", "number", "heading", "advice")
        ),
        "themes": sorted(
            THEMES.objects.filter(adviceletter=letter).values_list("theme_id", flat=True)
        ),
        "meetings": sorted(
            MEETINGS.objects.filter(adviceletter=letter).values_list("meetingpage_id", flat=True)
        ),
        "versions": letter.history.count(),
        "pdf": (pdf.pk, pdf.sha256, pdf.size, pdf.file.name, stored_sha),
    }


def _status_reset_then_edit(w):
    AdviceLetter.objects.filter(pk=w["sent"].pk).update(status=LetterStatus.CONCEPT)
    letter = AdviceLetter.objects.get(pk=w["sent"].pk)
    letter.subject = "Stil herschreven"
    letter.save()


def _save_with_status_reset(w):
    letter = AdviceLetter.objects.get(pk=w["sent"].pk)
    letter.status = LetterStatus.CONCEPT
    letter.save()
    letter.subject = "Stil herschreven"
    letter.save()


def _save_with_status_reset_and_edit(w):
    letter = AdviceLetter.objects.get(pk=w["sent"].pk)
    letter.status = LetterStatus.CONCEPT
    letter.subject = "Stil herschreven"
    letter.save()


def _move_recommendation_out(w):
    recommendation = Recommendation.objects.filter(letter=w["sent"]).first()
    recommendation.letter = w["draft"]
    recommendation.save()


def _delete_meeting_page(w):
    MeetingPage.objects.get(pk=w["meeting"].pk).delete()


def _delete_pdf_row(w):
    SentLetterPdf.objects.get(letter=w["sent"]).delete()


def _resave_pdf_row(w):
    pdf = SentLetterPdf.objects.get(letter=w["sent"])
    pdf.sha256 = "0" * 64
    pdf.save()


def _restore_first_version(w):
    first = w["sent"].history.order_by("history_date").first()
    RestoreVersion(w["sent"], first.history_id, w["secretary"]).execute()


def _theme_clears_its_letters(w):
    Theme.objects.get(pk=w["theme"].pk).advice_letters.clear()


def _theme_removes_the_letter(w):
    Theme.objects.get(pk=w["theme"].pk).advice_letters.remove(w["sent"])


WRITES = {
    # The status: only the lifecycle's actions change it.
    "status by queryset, then edit": _status_reset_then_edit,
    "save() with the status reset, then edit": _save_with_status_reset,
    "save() with the status reset and an edit": _save_with_status_reset_and_edit,
    "sent_at by queryset": lambda w: AdviceLetter.objects.filter(pk=w["sent"].pk).update(
        sent_at=None
    ),
    "text by bulk_update": lambda w: AdviceLetter.objects.bulk_update(
        [AdviceLetter(pk=w["sent"].pk, subject="Bulk")], ["subject"]
    ),
    "status by bulk_update": lambda w: AdviceLetter.objects.bulk_update(
        [AdviceLetter(pk=w["sent"].pk, status=LetterStatus.CONCEPT)], ["status"]
    ),
    # Its recommendations: none moves in or out, none changes.
    "a recommendation moved out by save()": _move_recommendation_out,
    "a recommendation moved in by update(letter_id=)": lambda w: Recommendation.objects.filter(
        letter=w["draft"]
    ).update(letter_id=w["sent"].pk),
    "a recommendation moved in by update(letter=)": lambda w: Recommendation.objects.filter(
        letter=w["draft"]
    ).update(letter=w["sent"]),
    "recommendations by bulk_update": lambda w: Recommendation.objects.bulk_update(
        [
            Recommendation(pk=r.pk, letter_id=w["sent"].pk, advice="Bulk")
            for r in Recommendation.objects.filter(letter=w["sent"])
        ],
        ["advice"],
    ),
    # What it cites: themes and meetings.
    "Theme.delete()": lambda w: Theme.objects.get(pk=w["theme"].pk).delete(),
    "Theme queryset delete": lambda w: Theme.objects.filter(pk=w["theme"].pk).delete(),
    "theme.advice_letters.clear()": _theme_clears_its_letters,
    "theme.advice_letters.remove()": _theme_removes_the_letter,
    "MeetingPage.delete()": _delete_meeting_page,
    "MeetingPage queryset delete": lambda w: MeetingPage.objects.filter(
        pk=w["meeting"].pk
    ).delete(),
    # The stored PDF.
    "SentLetterPdf queryset update": lambda w: SentLetterPdf.objects.filter(
        letter=w["sent"]
    ).update(sha256="0" * 64),
    "SentLetterPdf queryset delete": lambda w: SentLetterPdf.objects.filter(
        letter=w["sent"]
    ).delete(),
    "SentLetterPdf.delete()": _delete_pdf_row,
    "SentLetterPdf.save() over the stored row": _resave_pdf_row,
    # The letter as a whole.
    "AdviceLetter queryset delete": lambda w: AdviceLetter.objects.filter(pk=w["sent"].pk).delete(),
    "restore an earlier version": _restore_first_version,
}


# Django sends no signals for the rows of these auto-created tables: the database refuses
# them (PostgreSQL triggers, migration 0010); SQLite, for development, does not.
RELATION_ROW_WRITES = {
    "theme relation rows deleted": lambda w: THEMES.objects.filter(adviceletter=w["sent"]).delete(),
    "meeting relation rows deleted": lambda w: MEETINGS.objects.filter(
        adviceletter=w["sent"]
    ).delete(),
    "theme relation rows moved": lambda w: THEMES.objects.filter(adviceletter=w["sent"]).update(
        adviceletter_id=w["draft"].pk
    ),
}
if connection.vendor == "postgresql":
    WRITES.update(RELATION_ROW_WRITES)


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_write_path_to_a_sent_letter_is_refused(world, write):
    before = snapshot(world["sent"])
    # A savepoint of its own, as a request or command would be in: Django's deletes and bulk
    # updates run in an atomic block that, nested in the test's, breaks it when refused.
    with (
        pytest.raises((ValidationError, PermissionDenied, IntegrityError)) as refused,
        transaction.atomic(),
    ):
        write(world)
    assert " ".join(getattr(refused.value, "messages", [str(refused.value)])).strip()
    assert snapshot(world["sent"]) == before


def test_a_refused_theme_delete_names_the_letters_that_cite_it(world):
    with pytest.raises(ValidationError) as refused, transaction.atomic():
        world["theme"].delete()
    message = " ".join(refused.value.messages)
    assert "Jeugd" in message and world["sent"].reference in message


def test_themes_and_meetings_that_only_drafts_cite_can_still_go(site_tree):
    _home, meetings = site_tree
    theme = ThemeFactory(name="Wonen")
    meeting = add_meeting(meetings, title="Gesprekstafel")
    draft = make_letter(recommendations=1, themes=[theme], meetings=[meeting])
    theme.delete()
    MeetingPage.objects.get(pk=meeting.pk).delete()
    assert not THEMES.objects.filter(adviceletter=draft).exists()
    assert not MEETINGS.objects.filter(adviceletter=draft).exists()


def test_the_admin_refuses_to_delete_a_cited_theme_and_says_why(client, world):
    client.force_login(world["secretary"])
    url = reverse("wagtailsnippets_home_theme:delete", args=[world["theme"].pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert Theme.objects.filter(pk=world["theme"].pk).exists()
    assert "kan niet worden verwijderd" in response.content.decode()
    assert world["sent"].reference in response.content.decode()


def test_the_admin_refuses_to_delete_a_cited_meeting_page_and_says_why(client, world):
    client.force_login(world["secretary"])
    url = reverse("wagtailadmin_pages:delete", args=[world["meeting"].pk])
    # Published, it is refused as every published page is (home/deletion.py); taken offline,
    # the letter that cites it still keeps it.
    assert client.post(url).status_code == 403
    world["meeting"].unpublish()
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert MeetingPage.objects.filter(pk=world["meeting"].pk).exists()
    assert "kan niet worden verwijderd" in response.content.decode()
