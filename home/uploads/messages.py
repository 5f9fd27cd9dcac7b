"""Every refusal of an upload, in plain Dutch: what is wrong and what to do.

A check raises ``refuse(CODE, **params)``; the code stays the same when the wording changes,
so tests and callers can tell the refusals apart.
"""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

RESAVE_AS_PDF = _(
    "Sla het document opnieuw op als gewone PDF (bijvoorbeeld via 'Afdrukken als PDF') "
    "en probeer het nog eens."
)

MESSAGES = {
    # PDF
    "not_pdf": _(
        "Dit bestand is geen echte PDF, al eindigt de naam op .pdf. "
        "Sla het document opnieuw op als PDF en probeer het nog eens."
    ),
    "encrypted": _("Deze PDF is beveiligd met een wachtwoord. Kies een PDF zonder beveiliging."),
    "broken_pdf": _(
        "Deze PDF is beschadigd en kan niet worden gelezen. "
        "Sla het document opnieuw op als PDF en probeer het nog eens."
    ),
    "attachment": _(
        "Deze PDF bevat een bijlage: een ander bestand dat in de PDF is opgeborgen. "
        "Die nemen we niet op. Sla het document opnieuw op als gewone PDF, zonder bijlagen."
    ),
    "xfa": _(
        "Deze PDF is een XFA-formulier. Zo'n formulier kan programmacode bevatten en werkt niet "
        "in elke PDF-lezer. Sla het document opnieuw op als gewone PDF (bijvoorbeeld via "
        "'Afdrukken als PDF') en probeer het nog eens."
    ),
    "active_content": _(
        "Deze PDF bevat scripts of automatische acties. Die nemen we niet op. "
        "Sla het document opnieuw op als gewone PDF (bijvoorbeeld via 'Afdrukken als PDF') "
        "en probeer het nog eens."
    ),
    "pdf_too_much_unpacked": _(
        "Deze PDF wordt bij het openen veel groter dan het bestand zelf: meer dan %(limit)s. "
        "Zo'n bestand nemen we niet op. Sla het document opnieuw op als gewone PDF, of maak de "
        "afbeeldingen erin kleiner."
    ),
    "pdf_unchecked_part": _(
        "Deze PDF bevat onderdelen die op een ongebruikelijke manier zijn ingepakt. Die kunnen "
        "we niet controleren, dus nemen we de PDF niet op. Sla het document opnieuw op als "
        "gewone PDF (bijvoorbeeld via 'Afdrukken als PDF') en probeer het nog eens."
    ),
    "pdf_too_complex": _(
        "Deze PDF bestaat uit te veel onderdelen om te controleren. Sla het document opnieuw op "
        "als gewone PDF, of splits het in kleinere delen."
    ),
    # Word, Excel, OpenDocument
    "wrong_type": _(
        "Dit bestand is niet echt een %(kind)s, al eindigt de naam op .%(extension)s. "
        "Sla het document opnieuw op als %(kind)s (.%(extension)s) en probeer het nog eens."
    ),
    "package_encrypted": _(
        "Dit bestand is beveiligd met een wachtwoord. Haal de beveiliging eraf, sla het "
        "bestand opnieuw op en probeer het nog eens."
    ),
    "macros": _(
        "Dit bestand bevat macro's (kleine programma's). Die nemen we niet op. Sla het document "
        "opnieuw op zonder macro's, als gewoon %(kind)s (.%(extension)s)."
    ),
    "embedded_object": _(
        "Dit bestand bevat een ingesloten object of programma, zoals een ander bestand dat erin "
        "is geplakt. Die nemen we niet op. Verwijder het ingesloten object, sla het document "
        "opnieuw op en probeer het nog eens."
    ),
    "zip_bomb": _(
        "Dit bestand wordt bij het openen veel groter dan het bestand zelf (meer dan "
        "%(limit)s), of bestaat uit te veel delen. Zo'n bestand nemen we niet op. Sla het "
        "document opnieuw op, of splits het in kleinere delen."
    ),
    "broken_package": _(
        "Dit bestand is beschadigd en kan niet worden gelezen. Sla het document opnieuw op en "
        "probeer het nog eens."
    ),
    # CSV and plain text
    "text_too_large": _(
        "Dit tekstbestand is %(size)s. Een CSV- of tekstbestand mag hier hoogstens %(limit)s zijn."
    ),
    "not_text": _(
        "Dit bestand is geen gewoon tekstbestand, al eindigt de naam op .%(extension)s. "
        "Sla het op als tekst (bij voorkeur UTF-8) en probeer het nog eens."
    ),
    # Any other kind of file
    "unsupported": _(
        "Dit soort bestand kunnen we niet controleren, dus nemen we het niet op. Kies een PDF, "
        "een Word-, Excel- of OpenDocument-bestand, of een CSV- of tekstbestand."
    ),
}


def refuse(code, **params):
    """The refusal ``code`` as a ValidationError; sizes in ``params`` are shown readably."""
    for name in ("limit", "size"):
        if isinstance(params.get(name), int):
            params[name] = filesizeformat(params[name])
    return ValidationError(MESSAGES[code], code=code, params=params or None)
