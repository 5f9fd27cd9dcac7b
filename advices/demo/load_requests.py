"""Registers the demo requests for advice; called by ``advices.demo.load`` before the letters.

Each request goes through the actions the admin uses (``advices.actions.requests``):
``RegisterRequest`` by the demo account that would enter it, then the steps taken by hand
(``TransitionRequest``). A request that a demo letter answers is answered by sending that letter
(the letters loader links the letter to it before the letter is adopted), never by hand.

Idempotent: a request that is already there (by its number, or by subject for the made-up one,
whose number depends on the year it is loaded) is left alone, also with ``--refresh``.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from advices.actions.requests import RegisterRequest, TransitionRequest
from advices.models import AdviceLetter, AdviceRequest
from home.demo.loader import CREATED, UNCHANGED, corpus_dir
from home.models import Theme

from .letters import LETTERS
from .requests import REQUESTS

REQUESTS_KIND = "requests for advice"


class EnteredRequest:
    """What ``RegisterRequest`` saves in place of the admin's form: the request as the demo
    enters it, already validated by the loader."""

    def __init__(self, instance):
        self.instance = instance

    def save(self):
        self.instance.save()
        return self.instance


class RequestLoader:
    def __init__(self, report):
        self.report = report

    def run(self):
        usernames = set().union(*(data.authors for data in REQUESTS))
        users = {
            user.username: user for user in get_user_model().objects.filter(username__in=usernames)
        }
        for data in REQUESTS:
            self.ensure_request(data, users)
        self.check_sources()
        return self.report

    @staticmethod
    def existing(data):
        if data.reference:
            return AdviceRequest.objects.filter(reference=data.reference).first()
        return AdviceRequest.objects.filter(subject=data.subject).order_by("pk").first()

    def ensure_request(self, data, users):
        existing = self.existing(data)
        if existing is not None:
            if existing.subject != data.subject:
                self.report.notes.append(
                    f"Demo request {data.reference} ‘{data.subject}’ skipped: that number is "
                    f"taken by ‘{existing.subject}’."
                )
            self.report.count(REQUESTS_KIND, UNCHANGED)
            return existing

        unlinked = self.unlinked_answer(data)
        if unlinked is not None:
            self.report.notes.append(
                f"Demo request {data.reference} not registered: the letter that answers it, "
                f"{unlinked.reference}, was loaded before the demo had requests, and a sent "
                "letter never changes. For the demo with requests start from a fresh database "
                "(rm db.sqlite3 && make run)."
            )
            return None

        if not data.authors <= set(users):
            self.report.notes.append(
                f"Demo request ‘{data.subject}’ skipped: it is entered by the demo accounts "
                f"{' and '.join(sorted(data.authors))} (run load_demo without --no-accounts)."
            )
            return None

        try:
            with transaction.atomic():  # registered with its steps, or not at all
                advice_request = self.register(data, users)
        except (PermissionDenied, ValidationError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            self.report.notes.append(
                f"Demo request ‘{data.subject}’ not registered: {' '.join(messages)}"
            )
            return None
        self.report.count(REQUESTS_KIND, CREATED)
        return advice_request

    @staticmethod
    def unlinked_answer(data):
        """The demo letter that should answer ``data`` but is stored without the link."""
        references = [letter.reference for letter in LETTERS if letter.answers == data.reference]
        if not data.reference or not references:
            return None
        return AdviceLetter.objects.filter(reference__in=references, request__isnull=True).first()

    def register(self, data, users):
        today = timezone.localdate()
        received_on = data.received_on(today)
        advice_request = AdviceRequest(
            reference=data.reference or AdviceRequest.propose_reference(received_on or today),
            subject=data.subject,
            questions=data.questions,
            requester_kind=data.requester_kind,
            requester_name=data.requester_name,
            contact_name=data.contact_name,
            contact_email=data.contact_email,
            letter_date=data.letter_date(today),
            received_on=received_on,
            municipal_reference=data.municipal_reference,
        )
        advice_request.themes = list(Theme.objects.filter(slug__in=data.themes))
        # Checked as the admin checks a request, but the deadline is the action's to fill in
        # (the term from receipt), and a request from the documents may lack its receipt date.
        advice_request.full_clean(
            exclude=["deadline"] + (["received_on"] if received_on is None else [])
        )
        advice_request = RegisterRequest(
            EnteredRequest(advice_request), users[data.registered_by], at=data.registered_at
        ).execute()
        for action, username, reason in data.steps:
            TransitionRequest(advice_request, action, users[username], reason).execute()
        advice_request.refresh_from_db()
        return advice_request

    def check_sources(self):
        sources = {source for data in REQUESTS for source in data.sources}
        missing = sorted(source for source in sources if not (corpus_dir() / source).exists())
        if missing:
            self.report.notes.append(
                f"Source documents of the requests for advice not found in {corpus_dir()} (the "
                f"requests are loaded from code, so this is only a note): {', '.join(missing)}"
            )


def load_demo_requests(report):
    return RequestLoader(report).run()
