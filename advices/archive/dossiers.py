"""One advice dossier in MDTO terms: the dossier (aggregatieniveau *Dossier*) holds the sent
letter and, once it came in, the college's reply (each an *Archiefstuk*); every PDF is a
*bestand* that represents its archiefstuk. The appraisal (selection list category,
nomination, retention term) is given to the dossier, which is what the selection list
appraises; its parts carry the same values so that each stands on its own.
"""

import hashlib
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from advices.archive import mdto
from advices.archive.formats import PRONOM_REGISTER, pdf_format
from advices.lifecycle.retention import (
    SELECTION_LIST,
    Appraisal,
    as_date,
    destruction_date,
    dossier_closed_on,
)
from advices.pdf.archive import sent_pdf_filename

# For the two values that no MDTO list names: the dossier's time span and the start of its
# retention term (the reply received, or else the letter sent: ``lifecycle.retention``).
LOCAL_CONCEPTS = "Begrippenlijst Adviesvolger"


@dataclass(frozen=True)
class ExportContext:
    """What every record of one export shares."""

    source: str  # identificatieBron: the system and council that gave the identifiers
    creator: str  # archiefvormer: the council
    college: str  # who writes the replies
    category_code: str
    category_label: str
    appraisal: str
    retention_years: int
    exported_at: object  # an aware datetime: when checksums computed now were computed


@dataclass(frozen=True)
class PackageFile:
    path: str  # inside the ZIP
    data: bytes


def _moment(value):
    return timezone.localtime(value).isoformat(timespec="seconds")


class DossierWriter:
    """The files of one sent letter's dossier; ``files()`` lists them in package order."""

    def __init__(self, letter, context):
        self.letter = letter
        self.context = context
        self.reply = getattr(letter, "college_response", None)
        self.folder = letter.reference
        self.sent_on = as_date(letter.sent_at)
        self.closed_on = dossier_closed_on(self.sent_on, self.reply and self.reply.received_on)

    # -- identities -------------------------------------------------------------------------

    def _ids(self, suffix):
        return f"{self.letter.reference}{suffix}"

    @property
    def dossier_name(self):
        return _("Advies %(reference)s: %(subject)s") % {
            "reference": self.letter.reference,
            "subject": self.letter.subject,
        }

    @property
    def letter_name(self):
        return _("Adviesbrief %(reference)s: %(subject)s") % {
            "reference": self.letter.reference,
            "subject": self.letter.subject,
        }

    @property
    def reply_name(self):
        return _("Reactie van het college op advies %(reference)s") % {
            "reference": self.letter.reference
        }

    def _ref(self, name, label, kenmerk):
        return mdto.verwijzing(name, label, kenmerk, self.context.source)

    # -- shared metadata --------------------------------------------------------------------

    def _appraisal(self):
        """waardering, bewaartermijn and informatiecategorie, in the schema's order."""
        keep = self.context.appraisal == Appraisal.KEEP
        waardering = (
            mdto.begrip("waardering", "Blijvend te bewaren", mdto.APPRAISALS, "B")
            if keep
            else mdto.begrip("waardering", "Tijdelijk te bewaren", mdto.APPRAISALS, "V")
        )
        term = None
        if not keep:
            years = self.context.retention_years
            term = mdto.element(
                "bewaartermijn",
                mdto.begrip("termijnTriggerStartLooptijd", "Afsluiting dossier", LOCAL_CONCEPTS),
                mdto.element("termijnStartdatumLooptijd", text=self.closed_on.isoformat()),
                mdto.element("termijnLooptijd", text=f"P{years}Y"),
                mdto.element(
                    "termijnEinddatum", text=destruction_date(self.closed_on, years).isoformat()
                ),
            )
        category = mdto.begrip(
            "informatiecategorie",
            self.context.category_label,
            SELECTION_LIST,
            self.context.category_code,
        )
        return [waardering, term, category]

    def _tail(self):
        """archiefvormer and beperkingGebruik: sent advice and replies are public (Woo)."""
        return [
            mdto.verwijzing("archiefvormer", self.context.creator),
            mdto.element(
                "beperkingGebruik",
                mdto.begrip("beperkingGebruikType", "Geen beperking", mdto.RESTRICTIONS),
            ),
        ]

    def _level(self, label):
        return mdto.begrip("aggregatieniveau", label, mdto.AGGREGATION_LEVELS)

    # -- the records ------------------------------------------------------------------------

    def dossier(self):
        parts = [self._ref("bevatOnderdeel", self.letter_name, self._ids(""))]
        if self.reply:
            parts.append(self._ref("bevatOnderdeel", self.reply_name, self._ids("-reactie")))
        return mdto.element(
            "informatieobject",
            mdto.identificatie(self._ids("-dossier"), self.context.source),
            mdto.element("naam", text=self.dossier_name),
            self._level("Dossier"),
            mdto.element(
                "dekkingInTijd",
                mdto.begrip("dekkingInTijdType", "Looptijd dossier", LOCAL_CONCEPTS),
                mdto.element("dekkingInTijdBegindatum", text=self.letter.date.isoformat()),
                mdto.element("dekkingInTijdEinddatum", text=self.closed_on.isoformat()),
            ),
            mdto.element("taal", text="nl"),
            *self._appraisal(),
            *parts,
            *self._tail(),
        )

    def letter_record(self, pdf_path):
        letter = self.letter
        events = []
        if letter.adopted_at:
            events.append(
                mdto.event(
                    "Creatie",
                    _moment(letter.adopted_at),
                    self.context.creator,
                    _("Vastgesteld door de raad"),
                )
            )
        events.append(
            mdto.event(
                "Bevriezing",
                _moment(letter.sent_at),
                self.context.creator,
                _("Verzonden aan het college; de PDF is sindsdien ongewijzigd"),
            )
        )
        return mdto.element(
            "informatieobject",
            mdto.identificatie(letter.reference, self.context.source),
            mdto.element("naam", text=self.letter_name),
            self._level("Archiefstuk"),
            mdto.element("taal", text="nl"),
            *events,
            *self._appraisal(),
            self._ref("isOnderdeelVan", self.dossier_name, self._ids("-dossier")),
            self._ref("heeftRepresentatie", pdf_path.rsplit("/", 1)[-1], pdf_path),
            *self._tail(),
        )

    def reply_record(self, pdf_path):
        reply = self.reply
        ids = [mdto.identificatie(self._ids("-reactie"), self.context.source)]
        if reply.college_reference:
            ids.append(mdto.identificatie(reply.college_reference, self.context.college))
        representation = (
            self._ref("heeftRepresentatie", pdf_path.rsplit("/", 1)[-1], pdf_path)
            if pdf_path
            else None
        )
        return mdto.element(
            "informatieobject",
            *ids,
            mdto.element("naam", text=self.reply_name),
            self._level("Archiefstuk"),
            mdto.element("omschrijving", text=reply.summary) if reply.summary.strip() else None,
            mdto.element("taal", text="nl"),
            mdto.event(
                "Creatie",
                reply.received_on.isoformat(),
                self.context.college,
                _("Ontvangen door de raad"),
            ),
            *self._appraisal(),
            self._ref("isOnderdeelVan", self.dossier_name, self._ids("-dossier")),
            representation,
            *self._tail(),
        )

    def file_record(self, path, data, checksum_at, represents_name, represents_kenmerk):
        found = pdf_format(data)
        return mdto.element(
            "bestand",
            mdto.identificatie(path, self.context.source),
            mdto.element("naam", text=path.rsplit("/", 1)[-1]),
            mdto.element("omvang", text=len(data)),
            mdto.begrip("bestandsformaat", found.label, PRONOM_REGISTER, found.pronom_id),
            mdto.element(
                "checksum",
                mdto.begrip("checksumAlgoritme", "SHA256", mdto.CHECKSUM_ALGORITHMS),
                mdto.element("checksumWaarde", text=hashlib.sha256(data).hexdigest()),
                mdto.element("checksumDatum", text=_moment(checksum_at)),
            ),
            self._ref("isRepresentatieVan", represents_name, represents_kenmerk),
        )

    # -- the files --------------------------------------------------------------------------

    def files(self, letter_pdf, reply_pdf=None):
        """The package files of this dossier. ``letter_pdf`` are the stored bytes of the sent
        letter (already checked against its recorded checksum); ``reply_pdf`` the reply's."""
        folder = self.folder
        letter_path = f"{folder}/{sent_pdf_filename(self.letter)}"
        out = [
            PackageFile(
                f"{folder}/{self._ids('-dossier')}.mdto.xml", mdto.document(self.dossier())
            ),
            PackageFile(
                f"{folder}/{self.letter.reference}.mdto.xml",
                mdto.document(self.letter_record(letter_path)),
            ),
            PackageFile(letter_path, letter_pdf),
            PackageFile(
                f"{letter_path}.bestand.mdto.xml",
                mdto.document(
                    self.file_record(
                        letter_path,
                        letter_pdf,
                        self.letter.sent_pdf.rendered_at,
                        self.letter_name,
                        self.letter.reference,
                    )
                ),
            ),
        ]
        if self.reply:
            reply_path = f"{folder}/{self._ids('-reactie')}.pdf" if reply_pdf is not None else None
            out.append(
                PackageFile(
                    f"{folder}/{self._ids('-reactie')}.mdto.xml",
                    mdto.document(self.reply_record(reply_path)),
                )
            )
            if reply_path:
                out.append(PackageFile(reply_path, reply_pdf))
                out.append(
                    PackageFile(
                        f"{reply_path}.bestand.mdto.xml",
                        mdto.document(
                            self.file_record(
                                reply_path,
                                reply_pdf,
                                self.context.exported_at,
                                self.reply_name,
                                self._ids("-reactie"),
                            )
                        ),
                    )
                )
        return out
