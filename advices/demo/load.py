"""Writes the demo advice letters and the "Adviezen" page; called by ``manage.py load_demo``.

Runs after ``home.demo.loader`` (pages, themes, meetings, accounts) and adds to its report.
Idempotent: a letter that is already there (by its fixed reference, or by subject for the
concept, whose reference depends on the year it is loaded) is left alone, also with
``--refresh``: sent letters are frozen, and a concept may have been edited since.

Each letter is written the way the admin writes one: every draft is a save of the letter
followed by the saves of its recommendations, with the author and a change reason, so the
version history holds one version per draft. The status then moves only through
``advices.actions.transition``, by the demo secretary; sending stores the letter's PDF. A sent
demo letter without a stored PDF (sent before the site stored PDFs) gets one, once.

The drafts and steps of the letters are dated when they happened (``Draft.at`` and the ``at``
of each transition), so the letter of 17 June 2022 is sent on 17 June 2022 and its reply is
late. A database loaded before those dates were given keeps its letters as they are (sent
letters are frozen); to see the dated letters, start from a fresh database:
``rm db.sqlite3 && make run``. The loader says so in a note.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page, Site

from advices.actions import transition
from advices.models import AdviceLetter, AdviceRequest, Recommendation
from advices.pages.advice_index import AdviceIndexPage
from advices.pages.request_index import AdviceRequestIndexPage
from advices.pages.tracker import RecommendationIndexPage
from advices.pdf.archive import archive_missing_pdfs
from home.demo import pages
from home.demo.loader import CREATED, UNCHANGED, UPDATED, corpus_dir
from home.models import HomePage, MeetingIndexPage, MeetingPage, Theme

from .letters import LETTERS, MEMBER, SECRETARY
from .load_requests import load_demo_requests

LETTERS_KIND = "advice letters"
PDFS_KIND = "stored PDFs of sent letters"
INDEX_FIELDS = ["title", "intro", "show_in_menus", "search_description"]
TRANSITION_PERMISSIONS = [
    "advices.propose_adviceletter",
    "advices.adopt_adviceletter",
    "advices.send_adviceletter",
]


class LetterLoader:
    def __init__(self, report, *, refresh=False):
        self.report = report
        self.refresh = refresh
        self.sent_now = set()  # pks of the demo letters sent in this run

    def run(self):
        self.ensure_advice_index()
        self.ensure_tracker_page()
        self.ensure_request_index()
        # Before the letters: a letter that answers a request is linked to it when made.
        load_demo_requests(self.report)
        users = self.demo_users()
        if users is not None:
            for data in LETTERS:
                self.ensure_letter(data, users)
        self.ensure_sent_pdfs()
        self.check_sources()
        return self.report

    # -- the "Adviezen" page -------------------------------------------------------------------

    def home(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        return HomePage.objects.child_of(Page.get_first_root_node()).first()

    def ensure_advice_index(self):
        home = self.home()
        return self.ensure_index_page(
            AdviceIndexPage, pages.ADVICE_INDEX, after=MeetingIndexPage.objects.child_of(home)
        )

    def ensure_tracker_page(self):
        home = self.home()
        return self.ensure_index_page(
            RecommendationIndexPage,
            pages.RECOMMENDATION_INDEX,
            after=AdviceIndexPage.objects.child_of(home),
        )

    def ensure_request_index(self):
        """Right after the meetings, so the menu follows the cycle: Adviesaanvragen, Adviezen."""
        home = self.home()
        return self.ensure_index_page(
            AdviceRequestIndexPage,
            pages.REQUEST_INDEX,
            after=MeetingIndexPage.objects.child_of(home),
        )

    def ensure_index_page(self, model, data, after):
        """One page of ``model`` under the home page, placed right after ``after``'s first."""
        home = self.home()
        existing = Page.objects.child_of(home).filter(slug=data["slug"]).first()
        if existing is not None:
            page = existing.specific
            if not isinstance(page, model):
                self.report.notes.append(
                    f"Skipped {home.url_path}{data['slug']}/: a page of another type "
                    f"({type(page).__name__}) already has that slug."
                )
            elif self.refresh:
                self._assign(page, data)
                page.save_revision().publish()
                self.report.count("pages", UPDATED)
            else:
                self.report.count("pages", UNCHANGED)
            return page

        if model.objects.descendant_of(home).exists():
            # At most one per home page; keep the one that is there under another slug.
            self.report.count("pages", UNCHANGED)
            return model.objects.descendant_of(home).first()

        page = model(slug=data["slug"], live=False)
        self._assign(page, data)
        sibling = after.first()
        if sibling is not None:
            sibling.add_sibling(pos="right", instance=page)
        else:
            home.add_child(instance=page)
        page.save_revision().publish()
        self.report.count("pages", CREATED)
        return page

    @staticmethod
    def _assign(page, data):
        for name in INDEX_FIELDS:
            setattr(page, name, data[name])

    # -- letters -------------------------------------------------------------------------------

    def demo_users(self):
        """The demo member and secretary, or None (with a note) if they cannot do the job."""
        found = {
            user.username: user
            for user in get_user_model().objects.filter(username__in=[MEMBER, SECRETARY])
        }
        missing = sorted({MEMBER, SECRETARY} - set(found))
        if missing:
            self.report.notes.append(
                "Demo advice letters skipped: they are written by the demo accounts "
                f"{' and '.join(missing)}, which do not exist (run load_demo without "
                "--no-accounts)."
            )
            return None
        if not found[SECRETARY].has_perms(TRANSITION_PERMISSIONS):
            self.report.notes.append(
                f"Demo advice letters skipped: the account {SECRETARY} may not adopt and send "
                "letters (run load_demo without --no-accounts to reset its group)."
            )
            return None
        return found

    def existing_letter(self, data):
        if data.reference:
            return AdviceLetter.objects.filter(reference=data.reference).first()
        return AdviceLetter.objects.filter(subject=data.subject).order_by("pk").first()

    def ensure_letter(self, data, users):
        existing = self.existing_letter(data)
        if existing is not None:
            if existing.subject != data.subject:
                self.report.notes.append(
                    f"Demo advice letter {data.reference} ‘{data.subject}’ skipped: that "
                    f"reference is taken by ‘{existing.subject}’."
                )
            elif self.refresh:
                self.report.notes.append(
                    f"{existing.reference} ‘{existing.subject}’ left as it is: --refresh does "
                    "not touch advice letters."
                )
            if existing.subject == data.subject:
                self.note_undated(existing, data)
            self.report.count(LETTERS_KIND, UNCHANGED)
            return existing

        date = data.date or timezone.localdate()
        letter = AdviceLetter(
            reference=data.reference or AdviceLetter.propose_reference(date),
            date=date,
            subject=data.subject,
            addressee=data.addressee,
            salutation=data.salutation,
            signatory_name=data.signatory_name,
            signatory_role=data.signatory_role,
        )
        # Part of the letter's text from its first version on: frozen once it is adopted.
        letter.request = (
            AdviceRequest.objects.filter(reference=data.answers).first() if data.answers else None
        )
        if data.answers and letter.request is None:
            self.report.notes.append(
                f"Demo advice letter {letter.reference} is ongevraagd advies in this database: "
                f"the request it answers, {data.answers}, is not there."
            )
        letter.themes = list(Theme.objects.filter(slug__in=data.themes))
        letter.meetings = list(MeetingPage.objects.filter(slug__in=data.meetings))

        saved = {}  # index in data.recommendations -> Recommendation
        for version, draft in enumerate(data.drafts, start=1):
            self.save_draft(letter, data, version, draft, users[draft.author], saved)

        for action, username, reason, at in data.transitions:
            try:
                transition(letter, action, users[username], reason, at=at)
            except ValidationError as error:  # e.g. the PDF could not be made when sending
                self.report.notes.append(
                    f"Demo advice letter {letter.reference} stopped at "
                    f"'{letter.get_status_display()}': {' '.join(error.messages)}"
                )
                break

        self.report.count(LETTERS_KIND, CREATED)
        if letter.is_public:
            self.sent_now.add(letter.pk)  # its PDF was stored by the send itself
        return letter

    def note_undated(self, letter, data):
        """A letter sent by an older loader, on the day it was loaded: say how to get the dates."""
        sent = [at for action, _user, _reason, at in data.transitions if action == "send" and at]
        if sent and letter.sent_at is not None and letter.sent_at != sent[0]:
            self.report.notes.append(
                f"{letter.reference} was sent on {timezone.localdate(letter.sent_at):%d-%m-%Y} "
                f"in this database, not on {timezone.localdate(sent[0]):%d-%m-%Y}: it was "
                "loaded before the demo dated its letters. Sent letters are never changed; for "
                "the dated demo start from a fresh database (rm db.sqlite3 && make run)."
            )

    @staticmethod
    def dated(instance, at):
        """Date the next history row of ``instance`` at ``at`` (None: now)."""
        if at is not None:
            instance._history_date = at
        elif hasattr(instance, "_history_date"):
            del instance._history_date

    @classmethod
    def save_draft(cls, letter, data, version, draft, user, saved):
        """One version: the letter first, then its recommendations, as the admin saves them."""
        letter.introduction = (
            data.introduction if draft.introduction is None else draft.introduction
        )
        letter.closing = data.closing if draft.closing is None else draft.closing
        letter._change_reason = draft.reason
        letter._history_user = user
        cls.dated(letter, draft.at)
        letter.save()

        position = 0
        for index, rec in enumerate(data.recommendations):
            text = rec.text_at(version)
            if text is None:
                continue
            position += 1
            context, advice = text
            wanted = {
                "heading": rec.heading,
                "context": context,
                "advice": advice,
                "sort_order": position - 1,
                "number": position,
            }
            obj = saved.get(index)
            if obj is None:
                obj = saved[index] = Recommendation(letter=letter)
            elif all(getattr(obj, name) == value for name, value in wanted.items()):
                continue
            for name, value in wanted.items():
                setattr(obj, name, value)
            obj._change_reason = draft.reason
            obj._history_user = user
            cls.dated(obj, draft.at)
            obj.save()

    # -- the stored PDFs of sent letters --------------------------------------------------------

    def ensure_sent_pdfs(self):
        """Store the PDF of each sent demo letter that has none: letters sent before the site
        stored PDFs. A letter with a stored PDF is never rendered again."""
        letters = [
            letter
            for data in LETTERS
            if (letter := self.existing_letter(data)) and letter.subject == data.subject
        ]
        archived, unchanged, failures = archive_missing_pdfs(letters)
        for letter in unchanged:
            self.report.count(PDFS_KIND, CREATED if letter.pk in self.sent_now else UNCHANGED)
        for letter in archived:
            self.report.count(PDFS_KIND, CREATED)
            self.report.notes.append(
                f"Stored the PDF of {letter.reference}, which was sent before PDFs were stored."
            )
        for letter, error in failures:
            self.report.notes.append(f"No PDF stored for {letter.reference}: {error}")

    # -- sources -------------------------------------------------------------------------------

    def check_sources(self):
        sources = {source for data in LETTERS for source in data.sources}
        missing = sorted(source for source in sources if not (corpus_dir() / source).exists())
        if missing:
            self.report.notes.append(
                f"Source documents of the advice letters not found in {corpus_dir()} (the "
                f"letters are loaded from code, so this is only a note): {', '.join(missing)}"
            )


def load_demo_letters(report, *, refresh=False):
    return LetterLoader(report, refresh=refresh).run()
