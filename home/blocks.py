"""The one stream block that every page body is built from.

Each block renders with its own template under ``templates/blocks/`` and carries
its own accessible markup, so editors cannot produce a wrong heading or list.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 so the page outline stays correct."""

    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2 (hoofdstuk)")), ("h3", _("Kop 3 (paragraaf)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Kop")
        description = _("Een kop boven een deel van de tekst.")


class QuoteListBlock(blocks.StructBlock):
    """What participants said, shown as a list of quotations."""

    heading = blocks.CharBlock(
        label=_("Kop"), default=_("Uitspraken van deelnemers"), max_length=200
    )
    quotes = blocks.ListBlock(blocks.TextBlock(label=_("Uitspraak")), label=_("Uitspraken"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_list_block.html"
        label = _("Uitspraken van deelnemers")
        description = _("Een lijst met letterlijke uitspraken van deelnemers.")


class FourVsBlock(blocks.StructBlock):
    """The four V's: what to keep, strengthen, renew and leave behind."""

    intro = blocks.TextBlock(label=_("Inleiding"), required=False)
    hold = blocks.ListBlock(
        blocks.TextBlock(label=_("Punt")), label=_("Vasthouden"), required=False, default=[]
    )
    strengthen = blocks.ListBlock(
        blocks.TextBlock(label=_("Punt")), label=_("Versterken"), required=False, default=[]
    )
    renew = blocks.ListBlock(
        blocks.TextBlock(label=_("Punt")), label=_("Vernieuwen"), required=False, default=[]
    )
    leave = blocks.ListBlock(
        blocks.TextBlock(label=_("Punt")), label=_("Verlaten"), required=False, default=[]
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/four_vs_block.html"
        label = _("De vier V's")
        description = _("Vasthouden, versterken, vernieuwen en verlaten: elk een lijst.")


class KeyFigureBlock(blocks.StructBlock):
    """One figure with what it counts."""

    figure = blocks.CharBlock(label=_("Getal"), max_length=30)
    label = blocks.CharBlock(label=_("Omschrijving"), max_length=120)

    class Meta:
        icon = "order"
        label = _("Kerngetal")


class KeyFiguresBlock(blocks.StructBlock):
    """A short row of key figures, such as the number of participants."""

    heading = blocks.CharBlock(label=_("Kop"), default=_("In cijfers"), max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Kerngetallen"))

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Kerngetallen")
        description = _("Een paar getallen die de bijeenkomst samenvatten.")


class ImageBlock(blocks.StructBlock):
    """An image with a required text alternative and an optional caption."""

    image = ImageChooserBlock(label=_("Afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("Tekstalternatief"),
        max_length=300,
        help_text=_("Beschrijf wat er op de afbeelding staat voor wie hem niet kan zien."),
    )
    caption = blocks.CharBlock(label=_("Onderschrift"), required=False, max_length=300)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Afbeelding")
        description = _("Een afbeelding met tekstalternatief en onderschrift.")


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a downloadable document, with its type and size shown."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Linktekst"),
        required=False,
        max_length=200,
        help_text=_("Laat leeg om de titel van het document te gebruiken."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document")
        description = _("Een link om een document te downloaden.")


class CallOutBlock(blocks.StructBlock):
    """A highlighted passage that stands out from the running text."""

    heading = blocks.CharBlock(label=_("Kop"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        template = "blocks/call_out_block.html"
        label = _("Uitgelicht")
        description = _("Een opvallend kader voor een kernboodschap.")


class AccessibilityStatementBlock(blocks.StaticBlock):
    """The accessibility statement's status, last check, register label and how to report a
    problem: filled from the settings (Toegankelijkheidsverklaring, Gegevens van de raad)."""

    class Meta:
        icon = "view"
        template = "blocks/accessibility_statement_block.html"
        label = _("Toegankelijkheidsverklaring")
        description = _(
            "De status, de datum van de laatste controle, het label uit het register en hoe "
            "u een probleem meldt. Vul die in bij Instellingen, Toegankelijkheidsverklaring."
        )
        admin_text = _(
            "Hier komen de status, de laatste controle, het label en de contactgegevens uit de "
            "instellingen."
        )


class PrivacyStatementBlock(blocks.StaticBlock):
    """What the site keeps about visitors who leave an address (following by email), and for
    how long: written from the settings by the apps that keep it (``privacy_statement_sections``
    in home/hooks.py), so it stays true when a term changes."""

    class Meta:
        icon = "lock"
        template = "blocks/privacy_statement_block.html"
        label = _("Privacyverklaring: bewaartermijnen")
        description = _(
            "Welke gegevens de website bewaart van wie iets volgt per e-mail, hoe lang, en hoe "
            "iemand die gegevens opvraagt of laat wissen. De termijnen komen uit de instellingen."
        )
        admin_text = _(
            "Hier komen de gegevens die de website bewaart en de termijnen uit de instellingen."
        )


class BodyStreamBlock(blocks.StreamBlock):
    """The body of meeting reports and standard pages."""

    paragraph = blocks.RichTextBlock(
        label=_("Tekst"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Lopende tekst met opsommingen en links."),
    )
    heading = HeadingBlock()
    quotes = QuoteListBlock()
    four_vs = FourVsBlock()
    key_figures = KeyFiguresBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    call_out = CallOutBlock()
    accessibility_statement = AccessibilityStatementBlock()
    privacy_statement = PrivacyStatementBlock()
