"""The XML the Woo index harvests: a sitemap index (sitemaps.org) per category, and sitemaps
whose ``<url>`` entries carry a ``diwoo:Document`` (DiWoo 0.9.8) in the slot the sitemap
schema leaves for other namespaces.

DiWoo has no field for a file's size or checksum; they go in ``diwoo:extraMetadata``, the
name/value pairs the Woo index accepts beside the TOOI fields."""

from xml.etree import ElementTree as ET

from advices.public.woo.vocabulary import DUTCH, PDF

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"

ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("diwoo", DIWOO_NS)

SIZE_KEY = "bestandsgrootte"  # bytes
CHECKSUM_KEY = "checksum-sha256"


def _sm(parent, name, text=None):
    element = ET.SubElement(parent, f"{{{SITEMAP_NS}}}{name}")
    if text is not None:
        element.text = text
    return element


def _dw(parent, name, text=None, resource=None):
    element = ET.SubElement(parent, f"{{{DIWOO_NS}}}{name}")
    if resource is not None:
        element.set("resource", resource)
    if text is not None:
        element.text = text
    return element


def _term(parent, name, term):
    return _dw(parent, name, term.label, term.uri)


def _serialize(root):
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def sitemap_index(sitemap_urls):
    root = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
    for url in sitemap_urls:
        _sm(_sm(root, "sitemap"), "loc", url)
    return _serialize(root)


def sitemap(documents, category, publisher, responsible):
    """``publisher`` and ``responsible`` are ``Term``s of TOOI organisations;
    ``responsible`` may be None."""
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for document in documents:
        url = _sm(root, "url")
        _sm(url, "loc", document.url)
        _sm(url, "lastmod", document.lastmod.isoformat())
        _diwoo_document(_dw(url, "Document"), document, category, publisher, responsible)
    return _serialize(root)


def _diwoo_document(parent, document, category, publisher, responsible):
    diwoo = _dw(parent, "DiWoo")
    _dw(_dw(diwoo, "identifiers"), "identifier", document.identifier)
    _term(diwoo, "publisher", publisher)
    if responsible is not None:
        _term(diwoo, "verantwoordelijke", responsible)
    _dw(_dw(diwoo, "titelcollectie"), "officieleTitel", document.title)
    if document.descriptions:
        descriptions = _dw(diwoo, "omschrijvingen")
        for text in document.descriptions:
            _dw(descriptions, "omschrijving", text)
    classification = _dw(diwoo, "classificatiecollectie")
    _term(_dw(classification, "informatiecategorieen"), "informatiecategorie", category.term)
    _term(_dw(classification, "documentsoorten"), "documentsoort", document.document_type)
    _dw(diwoo, "creatiedatum", document.created.isoformat())
    _term(diwoo, "language", DUTCH)
    _term(diwoo, "format", PDF)
    action = _dw(_dw(diwoo, "documenthandelingen"), "documenthandeling")
    _term(action, "soortHandeling", document.action.kind)
    _dw(action, "atTime", document.action.at.isoformat(timespec="seconds"))
    if document.relation is not None:
        relation = _dw(_dw(diwoo, "documentrelaties"), "documentrelatie")
        _term(relation, "role", document.relation.role)
        _dw(relation, "relation", document.relation.label, document.relation.url)
    fields = _dw(_dw(parent, "extraMetadata"), "extraMetadatavelden")
    for key, value in ((SIZE_KEY, str(document.size)), (CHECKSUM_KEY, document.sha256)):
        field = _dw(fields, "extraMetadataveld")
        _dw(field, "key", key)
        _dw(_dw(field, "values"), "value", value)
