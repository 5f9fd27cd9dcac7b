"""Records the college's replies to the demo letters; called by ``manage.py load_demo``.

Runs after ``advices.demo.load`` (the letters) and adds to its report. Everything goes through
the municipality's own actions (``advices.actions``), by the demo clerk ``gemeente``, dated
when it happened (``at``): ``RecordReply`` stores the reply letter, gives each recommendation
an (empty) answer and moves the letter to *beantwoord*; ``RecordProgress`` then stores each
verdict with the college's words, and each commitment.

Idempotent: a letter that already has a reply is left alone, whoever recorded it (the clerk
may have edited the demo reply since), also with ``--refresh``. So a second run creates no
reply, answer, commitment or history row. A reply whose letter is missing, not sent, or has
other recommendations than expected is skipped or partly skipped, with a note.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from advices.actions.college import RecordProgress, RecordReply
from advices.lifecycle.due_dates import parse_due
from advices.models import AdviceLetter, CollegeResponse, Commitment, RecommendationAnswer
from home.demo.loader import CREATED, UNCHANGED, corpus_dir

from .replies import CLERK, REPLIES

REPLIES_KIND = "college replies"


class ReplyLoader:
    def __init__(self, report):
        self.report = report

    def run(self):
        clerk = self.clerk()
        if clerk is not None:
            for data in REPLIES:
                self.ensure_reply(data, clerk)
        self.check_sources()
        return self.report

    def clerk(self):
        user = get_user_model().objects.filter(username=CLERK).first()
        if user is None:
            self.report.notes.append(
                f"Demo college replies skipped: they are recorded by the demo account {CLERK}, "
                "which does not exist (run load_demo without --no-accounts)."
            )
        return user

    def ensure_reply(self, data, clerk):
        letter = AdviceLetter.objects.filter(reference=data.reference).first()
        if letter is None:
            # The letters loader has said why already (e.g. no demo accounts).
            return None
        existing = CollegeResponse.objects.filter(letter=letter).first()
        if existing is not None:
            self.report.count(REPLIES_KIND, UNCHANGED)
            return existing
        if not letter.is_public:
            self.report.notes.append(
                f"Demo reply to {letter.reference} skipped: the letter is "
                f"‘{letter.get_status_display()}’, not sent."
            )
            return None
        try:
            # One unit: a reply is either recorded with all its answers or not at all.
            with transaction.atomic():
                response = self.record(letter, data, clerk)
        except (PermissionDenied, ValidationError) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            self.report.notes.append(
                f"Demo reply to {letter.reference} not recorded: {' '.join(messages)}"
            )
            return None
        self.report.count(REPLIES_KIND, CREATED)
        return response

    def record(self, letter, data, clerk):
        response = RecordReply(
            CollegeResponse(
                letter=letter,
                received_on=data.received_on,
                college_reference=data.college_reference,
                text=data.text,
                summary=data.summary,
            ),
            clerk,
            at=data.at,
        ).execute()
        recommendations = {r.number: r for r in letter.recommendations.all()}
        for item in data.answers:
            recommendation = recommendations.get(item.number)
            if recommendation is None or item.expect not in (
                recommendation.context + recommendation.advice
            ):
                self.report.notes.append(
                    f"Demo answer to {letter.reference} / {item.number} skipped: that "
                    f"recommendation does not say ‘{item.expect}’."
                )
                continue
            if item.verdict or item.answer:
                answer = RecommendationAnswer.objects.get(
                    response=response, recommendation=recommendation
                )
                answer.verdict, answer.answer = item.verdict, item.answer
                RecordProgress(answer, clerk, at=data.at).execute()
            for promise in item.commitments:
                due_date, precision = parse_due(promise.due)
                RecordProgress(
                    Commitment(
                        recommendation=recommendation,
                        description=promise.description,
                        responsible=promise.responsible,
                        due_date=due_date,
                        due_precision=precision,
                    ),
                    clerk,
                    at=data.at,
                ).execute()
        return response

    def check_sources(self):
        sources = {source for data in REPLIES for source in data.sources}
        missing = sorted(source for source in sources if not (corpus_dir() / source).exists())
        if missing:
            self.report.notes.append(
                f"Source documents of the college replies not found in {corpus_dir()} (the "
                f"replies are loaded from code, so this is only a note): {', '.join(missing)}"
            )


def load_demo_replies(report):
    return ReplyLoader(report).run()
