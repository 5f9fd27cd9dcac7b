"""The advice letters (``ingekomen_stuk``, submitted by the council) and the college's replies
(``antwoord``) as the spec's ``InformatieObject``, and the council as each letter's ``Indiener``.

Both kinds share one list, newest first: one SQL UNION of (date, kind, id) is counted and
paged, then the page's letters and replies are read in one query each, whatever their number.
"""

from django.db.models import CharField, F, Value
from django.urls import reverse
from django.utils.translation import gettext as _

from advices.lifecycle.lateness import sent_on
from advices.lifecycle.statuses import PUBLIC_STATUSES
from advices.models import AdviceLetter, CollegeResponse
from advices.public.ods.texts import clip

LETTER = "advies"
REPLY = "reactie"
# ISO 639-2/B, as the spec prefers.
DUTCH = "dut"
PUBLIC = "openbaar"


def letter_id(reference):
    return f"{LETTER}-{reference}"


def reply_id(reference):
    return f"{REPLY}-{reference}"


def public_letters():
    return AdviceLetter.objects.public()


def public_replies():
    return CollegeResponse.objects.filter(letter__status__in=PUBLIC_STATUSES)


def catalogue():
    """(day, kind, pk) of every public letter and reply, newest first: a queryset to page."""
    kind = CharField()
    letters = public_letters().annotate(day=F("date"), kind=Value(LETTER, output_field=kind))
    replies = public_replies().annotate(day=F("received_on"), kind=Value(REPLY, output_field=kind))
    return (
        # Each side without its model's ordering: SQL orders only the union as a whole.
        letters.order_by()
        .values_list("day", "kind", "pk")
        .union(replies.order_by().values_list("day", "kind", "pk"), all=True)
        .order_by("-day", "kind", "-pk")
    )


class Documents:
    """Builds the JSON of letters, replies and indieners for one request."""

    def __init__(self, request, council, urls):
        self.request = request
        self.council = council
        self.urls = urls

    def api_url(self, name, **kwargs):
        return self.request.build_absolute_uri(reverse(f"ods:{name}", kwargs=kwargs))

    def letter_reference(self, reference):
        return {"id": letter_id(reference), "url": self.api_url("letter", kenmerk=reference)}

    def letter(self, letter):
        """``InformatieObject`` of type ``ingekomen_stuk``; ``link`` is the PDF as sent."""
        has_pdf = hasattr(letter, "sent_pdf")
        link = (self.urls.letter_pdf if has_pdf else self.urls.letter)(letter.reference)
        document = {
            **self.letter_reference(letter.reference),
            "informatieobjecttype": "ingekomen_stuk",
            "titel": clip(
                _("Advies %(reference)s: %(subject)s")
                % {"reference": letter.reference, "subject": letter.subject},
                200,
            ),
            "omschrijving": _("Advies van de %(council)s aan het college: %(subject)s")
            % {"council": self.council.name, "subject": letter.subject},
            "auteur": clip(self.council.name, 200),
            "creatiedatum": letter.date.isoformat(),
            "taal": DUTCH,
            "vertrouwelijkheidsaanduiding": PUBLIC,
        }
        sent = sent_on(letter)
        if sent:
            document["datumIngediend"] = sent.isoformat()
        if link:
            document["link"] = link
        return document

    def reply(self, reply):
        """``InformatieObject`` of type ``antwoord``, related to the advice it answers."""
        letter = reply.letter
        link = (self.urls.reply_pdf if reply.reply_file else self.urls.letter)(letter.reference)
        document = {
            "id": reply_id(letter.reference),
            "url": self.api_url("reply", kenmerk=letter.reference),
            "informatieobjecttype": "antwoord",
            "titel": clip(
                _("Reactie van het college op advies %(reference)s: %(subject)s")
                % {"reference": letter.reference, "subject": letter.subject},
                200,
            ),
            "omschrijving": reply.summary
            or _("Reactie van het college op het advies %(reference)s.")
            % {"reference": letter.reference},
            "auteur": clip(self.council.college, 200),
            "creatiedatum": reply.received_on.isoformat(),
            "taal": DUTCH,
            "vertrouwelijkheidsaanduiding": PUBLIC,
            # The spec names one relation of an answer: to the question it answers ("vraag").
            "gerelateerdInformatieobject": {
                "informatieobject": self.letter_reference(letter.reference),
                "rol": "vraag",
            },
        }
        if link:
            document["link"] = link
        return document

    def submitter(self, reference):
        """``Indiener``: the council submitted the letter ``reference``."""
        return {
            "url": self.api_url("submitter", kenmerk=reference),
            "id": reference,
            "naam": clip(self.council.name, 200),
            "informatieobject": self.letter_reference(reference),
            "organisatorischeEenheid": self.council.reference(),
        }


def letters_by_pk(pks):
    letters = public_letters().filter(pk__in=pks).select_related("sent_pdf")
    return {letter.pk: letter for letter in letters.defer("introduction", "closing")}


def replies_by_pk(pks):
    replies = public_replies().filter(pk__in=pks).select_related("letter").defer("text")
    return {reply.pk: reply for reply in replies}
