"""An advice letter as a print-ready, archival PDF (WeasyPrint).

``render_letter_pdf(letter, version=None)`` renders one version of a letter (the latest
when ``version`` is None) and returns the PDF's bytes. It is a function of the version's
plain data (``advices.queries.versions.LetterVersion``), the site's ``CouncilSettings`` and
``LetterSettings`` and the shipped static files only: the archive stores its bytes when a
letter is sent, and any older version can be rendered again for a preview.

The PDF variant is PDF/A-3a (``pdf_variant="pdf/a-3a"``): PDF/A-3 for the municipal
archive (fonts embedded, an sRGB output intent, XMP metadata, no external dependencies),
level A ("accessible"), for which WeasyPrint writes a tagged PDF: ``/StructTreeRoot``,
``/MarkInfo << /Marked true >>`` and ``/Lang (nl)`` from ``<html lang="nl">``, the title
from ``<title>``. PDF/A-3a thus gives both what the archive asks (PDF/A) and what a screen
reader needs (tags, language, reading order = source order) in one file; PDF/UA-1 would
give the second alone. Checked on WeasyPrint 70 by ``tests/advices/test_pdf_render.py``.

Safety: the letter's text reaches WeasyPrint only through a Django template with
autoescaping. Rich text (introduction, closing) goes through Wagtail's ``richtext`` filter
and then through ``clean_rich_text``, which keeps only the elements the letter editor can
make (paragraphs, bold, italic, lists, links) without any attribute but a link's http(s)
or mailto address: stored HTML from a shell or an import cannot add a stylesheet, an
image, a ``<title>`` or an attachment to the council's letter. Behind that,
``advices.pdf.fetcher.RestrictedURLFetcher`` lets WeasyPrint load only the PDF's own
stylesheet, fonts and the logo, and never anything from the network.
"""

import logging
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site
from wagtail.templatetags.wagtailcore_tags import richtext

from advices.lifecycle.statuses import EDITABLE_STATUSES
from advices.models import LetterSettings
from advices.pdf.address import keep_words_together, window_lines
from advices.pdf.answered_request import answered_request
from advices.pdf.fetcher import RestrictedURLFetcher, file_url
from advices.pdf.redline import redline_html
from advices.queries.versions import LetterVersion, find_version, letter_versions
from home.models import CouncilSettings

logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/a-3a"
TEMPLATE = "advices/pdf/letter.html"
STYLESHEET = "advices/pdf/letter.css"
FONTS = "fonts/noto-sans/OFL.txt"  # a file in the fonts folder, to find that folder
LOGO_FILTER = "height-160|format-png"

# The first page's margins in millimetres; letter.css uses the same numbers. The
# letterhead and the address window are placed from the page's edge, so these are
# subtracted from the LetterSettings values.
FIRST_PAGE_TOP = 12
PAGE_LEFT = 25
# Room between the bottom of the address window and the reference block.
AFTER_WINDOW = 8


class LetterRenderError(Exception):
    """The PDF could not be made; the message says why, in Dutch."""


# -- the letter's rich text -------------------------------------------------------------

ALLOWED_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ol", "ul", "li", "a"})
VOID_TAGS = frozenset({"br"})
# Elements whose content is dropped with them, not shown as text.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "title", "head", "template", "noscript", "iframe", "object", "svg"}
    | {"math", "textarea", "select", "canvas", "video", "audio"}
)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


class _RichTextCleaner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.open = []
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED_WITH_CONTENT:
            self.dropping += 1
            return
        if self.dropping or tag not in ALLOWED_TAGS:
            return
        if tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            if urlsplit(href).scheme.lower() in LINK_SCHEMES:
                self.out.append(f'<a href="{escape(href, quote=True)}">')
            else:
                self.out.append("<a>")
        else:
            self.out.append(f"<{tag}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in VOID_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in DROPPED_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in self.open:
            return
        while self.open:
            closing = self.open.pop()
            self.out.append(f"</{closing}>")
            if closing == tag:
                break

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def close(self):
        super().close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out)


def clean_rich_text(value):
    """Stored rich text as the few elements a letter may hold; all else as text or gone."""
    if not value:
        return ""
    cleaner = _RichTextCleaner()
    cleaner.feed(str(richtext(value)))
    return cleaner.close()


def _plain_text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", html)).strip()


# -- what is rendered ---------------------------------------------------------------------


def pick_version(letter, version=None):
    """The LetterVersion to render: given, by number, or the latest."""
    if isinstance(version, LetterVersion):
        return version
    versions = letter_versions(letter)
    if not versions:
        raise LookupError(f"Letter {letter.pk} has no versions.")
    if version is None:
        return versions[-1]
    found = find_version(versions, number=int(version))
    if found is None:
        raise LookupError(f"Letter {letter.pk} has no version {version}.")
    return found


def is_concept(version):
    return version.status in EDITABLE_STATUSES


def pdf_filename(letter, version=None):
    """E.g. ``PR-2022-07-sterke-sociale-basis.pdf``; a concept version says so and which."""
    if isinstance(version, LetterVersion):
        reference, subject = version.fields["reference"], version.fields["subject"]
    else:
        reference, subject = letter.reference, letter.subject
    name = slugify(f"{reference} {subject}")[:80].strip("-") or "adviesbrief"
    if isinstance(version, LetterVersion) and is_concept(version):
        name = f"{name}-concept-versie-{version.number}"
    return f"{name}.pdf"


def _millimetres(value):
    return f"{float(value):.1f}mm"


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _return_address(council_name, council):
    """The return address on one line (PostNL), or "" when the council has no address.

    The postal address, else the visiting address: post comes back to either. Without an
    address there is no return line at all, not the council's name alone.
    """
    address = _lines(council.postal_address) or _lines(council.visiting_address)
    if not address:
        return ""
    return keep_words_together(", ".join([council_name, *address]))


def _contact(layout):
    """The reference block's contact row ({"label", "text"}), or None when nothing is set.

    A contact person's name with their phone and e-mail; without a name, phone and e-mail
    alone under a label that promises no person.
    """
    text = ", ".join(
        part for part in (layout.contact_name, layout.contact_phone, layout.contact_email) if part
    )
    if not text:
        return None
    return {"label": _("Contactpersoon") if layout.contact_name else _("Contact"), "text": text}


def _settings_for(site):
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return CouncilSettings(), LetterSettings()
    return CouncilSettings.for_site(site), LetterSettings.for_site(site)


def _static_path(name):
    path = finders.find(name)
    if not path:
        raise LetterRenderError(f"Het bestand {name} voor de PDF ontbreekt.")
    return Path(path)


def _logo(council, fetcher):
    """The logo's URL for the template (registered with the fetcher), or None."""
    if not council.logo_id:
        return None
    try:
        rendition = council.logo.get_rendition(LOGO_FILTER)
        try:
            url = file_url(rendition.file.path)
        except NotImplementedError:  # a storage without local files
            url = f"letter-logo:{Path(rendition.file.name).name}"

        def read(rendition=rendition):
            with rendition.file.open("rb") as handle:
                return handle.read()

        fetcher.allow_file(url, read)
        return url
    except Exception:  # a missing or broken image file: the letter goes without logo
        logger.warning("Logo for the letter PDF not available", exc_info=True)
        return None


def _sections(version):
    """The recommendations in runs under one heading; a heading is printed when it changes."""
    sections = []
    for position, recommendation in enumerate(version.recommendations, start=1):
        if not sections or recommendation.heading != sections[-1]["heading"]:
            sections.append({"heading": recommendation.heading, "recommendations": []})
        sections[-1]["recommendations"].append(
            {
                "number": recommendation.number or position,
                "context": recommendation.context,
                "advice": recommendation.advice,
            }
        )
    return sections


@dataclass
class LetterDocument:
    """The letter as HTML plus the fetcher that may serve its files."""

    html: str
    fetcher: RestrictedURLFetcher
    version: LetterVersion
    base_url: str

    def write_pdf(self):
        from weasyprint import HTML

        document = HTML(string=self.html, base_url=self.base_url, url_fetcher=self.fetcher)
        return document.write_pdf(pdf_variant=PDF_VARIANT)


def build_letter(letter, version=None, *, site=None):
    """The HTML of one version of ``letter``, ready for WeasyPrint."""
    version = pick_version(letter, version)
    council, layout = _settings_for(site)
    stylesheet = _static_path(STYLESHEET)
    fonts = _static_path(FONTS).parent
    fetcher = RestrictedURLFetcher(allowed_dirs=[stylesheet.parent, fonts])
    fields = version.fields

    with translation.override("nl"):
        date = date_format(fields["date"], "j F Y") if fields.get("date") else ""
        closing = clean_rich_text(fields.get("closing"))
        window_top = float(layout.window_top)
        window_height = float(layout.window_height)
        council_name = council.name or "Participatieraad"
        context = {
            "version": version,
            "concept": is_concept(version),
            "fields": fields,
            "date": date,
            "title": f"{fields['reference']} {fields['subject']}",
            "stylesheet_url": file_url(stylesheet),
            "council": council,
            "council_name": council_name,
            "postal_lines": _lines(council.postal_address),
            "visiting_lines": _lines(council.visiting_address),
            "return_address": _return_address(council_name, council),
            "logo_url": _logo(council, fetcher),
            "layout": layout,
            "window": {
                "top": _millimetres(window_top - FIRST_PAGE_TOP),
                "left": _millimetres(float(layout.window_left) - PAGE_LEFT),
                "width": _millimetres(layout.window_width),
                "height": _millimetres(window_height),
            },
            "letterhead_height": _millimetres(max(window_top - FIRST_PAGE_TOP - 4, 10)),
            "body_start": _millimetres(window_top + window_height + AFTER_WINDOW - FIRST_PAGE_TOP),
            "addressee_lines": window_lines(_lines(fields.get("addressee"))),
            "contact": _contact(layout),
            "answered": answered_request(fields.get("request_id")),
            "introduction": clean_rich_text(fields.get("introduction")),
            "closing": closing,
            "closing_has_greeting": _plain_text(closing).lower().rstrip(",. ").endswith("groet"),
            "sections": _sections(version),
        }
        html = render_to_string(TEMPLATE, context)
    # No base URL that could reach anything: relative references in letter text fail.
    return LetterDocument(html=html, fetcher=fetcher, version=version, base_url=None)


def render_letter_pdf(letter, version=None, *, site=None):
    """The PDF of one version of ``letter`` (the latest by default), as bytes."""
    return build_letter(letter, version, site=site).write_pdf()


# -- the redline of two versions ------------------------------------------------------------

REDLINE_TEMPLATE = "advices/pdf/redline.html"
REDLINE_STYLESHEET = "advices/pdf/redline.css"


def build_redline(letter, old, new, *, site=None):
    """Version ``old`` -> ``new`` of ``letter`` as a redline document (not a letter)."""
    old, new = pick_version(letter, old), pick_version(letter, new)
    council, _layout = _settings_for(site)
    stylesheet = _static_path(STYLESHEET)
    redline_css = _static_path(REDLINE_STYLESHEET)
    fonts = _static_path(FONTS).parent
    fetcher = RestrictedURLFetcher(allowed_dirs=[stylesheet.parent, redline_css.parent, fonts])
    with translation.override("nl"):
        reference = new.fields["reference"]
        html = render_to_string(
            REDLINE_TEMPLATE,
            {
                "title": f"{reference} {new.fields['subject']}: "
                f"wijzigingen van versie {old.number} naar versie {new.number}",
                "reference": reference,
                "old": old,
                "new": new,
                "council_name": council.name or "Participatieraad",
                "stylesheet_url": file_url(stylesheet),
                "redline_stylesheet_url": file_url(redline_css),
                # Escaped by advices.pdf.redline, piece by piece.
                "redline": redline_html(old, new),
            },
        )
    return LetterDocument(html=html, fetcher=fetcher, version=new, base_url=None)


def render_redline_pdf(letter, old, new, *, site=None):
    """The changes from version ``old`` to version ``new`` as a PDF, as bytes."""
    return build_redline(letter, old, new, site=site).write_pdf()


def redline_filename(letter, old, new):
    name = slugify(letter.reference)[:40] or "adviesbrief"
    return f"{name}-wijzigingen-versie-{old.number}-naar-{new.number}.pdf"
