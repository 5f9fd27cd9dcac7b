"""What the council publishes in the Woo index, one ``WooDocument`` per file with its own URL:
each sent letter's stored PDF, each document of a request for advice, and each reply of the
college kept as a PDF. Read in a fixed number of queries, whatever their number.

A correction (erratum) never changes a sent PDF: the letter's entry gets the correction as a
description and the erratum's date as ``lastmod``, so the harvester fetches it again. A reply
whose PDF is replaced keeps its URL; its ``lastmod`` moves to the change. What is no longer
public (a request deleted, a reply's PDF removed) drops out of the sitemap, which is how the
harvester learns that a document is withdrawn."""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from advices.models import AdviceLetter, CollegeResponse, Erratum, RequestDocument
from advices.pages.request_index import AdviceRequestIndexPage
from advices.pages.urls import PublicUrls
from advices.public.woo import vocabulary
from advices.public.woo.files import files_facts


@dataclass(frozen=True)
class Action:
    kind: vocabulary.Term
    at: datetime.datetime


@dataclass(frozen=True)
class Relation:
    role: vocabulary.Term
    url: str
    label: str


@dataclass
class WooDocument:
    url: str
    lastmod: datetime.date
    title: str
    identifier: str
    document_type: vocabulary.Term
    created: datetime.date
    action: Action
    size: int
    sha256: str
    descriptions: list = field(default_factory=list)
    relation: Relation | None = None


def _start_of(day):
    """Midnight at the start of ``day``, in the site's time zone (for dates without a time)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _local_date(moment):
    return timezone.localdate(moment)


def erratum_description(erratum):
    return _("Erratum van %(date)s: %(text)s") % {
        "date": date_format(erratum.date, "j F Y"),
        "text": erratum.text,
    }


def letter_documents(urls):
    letters = (
        AdviceLetter.objects.public()
        .filter(sent_pdf__isnull=False)
        .select_related("sent_pdf")
        .only("reference", "subject", "date", "adopted_at", "sent_at", "sent_pdf")
        .prefetch_related(Prefetch("errata", queryset=Erratum.objects.order_by("date", "pk")))
        .order_by("sent_at", "pk")
    )
    for letter in letters:
        stored = letter.sent_pdf
        errata = list(letter.errata.all())
        changed = [_local_date(stored.rendered_at), *(erratum.date for erratum in errata)]
        yield WooDocument(
            url=urls.letter_pdf(letter.reference),
            lastmod=max(changed),
            title=letter.subject,
            identifier=letter.reference,
            document_type=vocabulary.ADVICE_DOCUMENT,
            created=letter.date,
            action=Action(vocabulary.ADOPTION, letter.adopted_at or letter.sent_at),
            size=stored.size,
            sha256=stored.sha256,
            descriptions=[erratum_description(erratum) for erratum in errata],
        )


def reply_documents(urls):
    history = CollegeResponse.history.model.objects.filter(id=OuterRef("pk"))
    replies = (
        CollegeResponse.objects.filter(letter__in=AdviceLetter.objects.public())
        .exclude(reply_file="")
        .select_related("letter")
        .only("received_on", "reply_file", "recorded_at", "letter__reference", "letter__subject")
        .annotate(changed_at=Subquery(history.order_by("-history_date").values("history_date")[:1]))
        .order_by("received_on", "pk")
    )
    replies = list(replies)
    facts_by_name = files_facts(reply.reply_file for reply in replies)
    for reply in replies:
        facts = facts_by_name.get(reply.reply_file.name)
        if facts is None:
            continue
        letter = reply.letter
        yield WooDocument(
            url=urls.reply_pdf(letter.reference),
            lastmod=_local_date(reply.changed_at or reply.recorded_at),
            title=_("Reactie van het college op advies %(reference)s: %(subject)s")
            % {"reference": letter.reference, "subject": letter.subject},
            identifier=f"{letter.reference}-reactie",
            document_type=vocabulary.LETTER_DOCUMENT,
            created=reply.received_on,
            action=Action(vocabulary.RECEIPT, _start_of(reply.received_on)),
            size=facts.size,
            sha256=facts.sha256,
            relation=Relation(
                vocabulary.IS_REPLY_TO, urls.letter_pdf(letter.reference), letter.subject
            ),
        )


def request_documents(request):
    index = AdviceRequestIndexPage.for_request(request)
    if index is None:
        return
    documents = (
        RequestDocument.objects.exclude(file="")
        .select_related("request")
        .only(
            "title",
            "file",
            "request__reference",
            "request__subject",
            "request__letter_date",
            "request__received_on",
            "request__created_at",
            "request__updated_at",
        )
        .order_by("request__received_on", "request__pk", "sort_order", "pk")
    )
    documents = list(documents)
    facts_by_name = files_facts(document.file for document in documents)
    for document in documents:
        facts = facts_by_name.get(document.file.name)
        if facts is None:
            continue
        advice_request = document.request
        received = advice_request.received_on or _local_date(advice_request.created_at)
        yield WooDocument(
            url=index.document_full_url(advice_request, document, request),
            lastmod=_local_date(advice_request.updated_at),
            title=_("%(title)s (adviesaanvraag %(reference)s: %(subject)s)")
            % {
                "title": document.title,
                "reference": advice_request.reference,
                "subject": advice_request.subject,
            },
            identifier=f"{advice_request.reference}-{document.pk}",
            document_type=vocabulary.REQUEST_DOCUMENT,
            created=advice_request.dated or received,
            action=Action(vocabulary.RECEIPT, _start_of(received)),
            size=facts.size,
            sha256=facts.sha256,
        )


def woo_documents(request):
    """Every document the site publishes in the Woo index, in a stable order: the letters by
    sending, then the replies, then the requests' documents."""
    urls = PublicUrls(request)
    documents = []
    if urls.index is not None:
        documents += letter_documents(urls)
        documents += reply_documents(urls)
    documents += request_documents(request)
    return documents
