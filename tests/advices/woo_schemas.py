"""The DiWoo 0.9.8 and sitemaps.org schemas (vendored in ``standards/diwoo/xsd``, see
``standards/SOURCES.md``), compiled with lxml without network: the one absolute
schemaLocation (DiWoo imports MDTO from nationaalarchief.nl) maps to the local copy."""

import functools
from pathlib import Path

from lxml import etree

XSD = Path(__file__).resolve().parents[2] / "standards" / "diwoo" / "xsd"
SITEMAP_XSD = XSD / "extern" / "sitemap" / "sitemap.xsd"
SITEINDEX_XSD = XSD / "extern" / "sitemap" / "siteindex.xsd"
DIWOO_XSD = XSD / "diwoo" / "diwoo-metadata.xsd"
MDTO_XSD = XSD / "extern" / "mdto" / "MDTO-XML1.0.1.xsd"

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
XS = "http://www.w3.org/2001/XMLSchema"
REMOTE = {"https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd": MDTO_XSD}


class LocalResolver(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url in REMOTE:
            return self.resolve_filename(str(REMOTE[url]), context)
        if url.startswith(("http://", "https://")):
            raise RuntimeError(f"unmapped remote schemaLocation: {url}")
        return None


def parser():
    made = etree.XMLParser(no_network=True, resolve_entities=False)
    made.resolvers.add(LocalResolver())
    return made


@functools.cache
def siteindex_schema():
    return etree.XMLSchema(etree.parse(str(SITEINDEX_XSD), parser()))


@functools.cache
def sitemap_schema():
    """sitemap.xsd and DiWoo together: the ``diwoo:Document`` inside each ``<url>`` is checked
    strictly (the sitemap's ``xsd:any namespace="##other" processContents="strict"``)."""
    root = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS})
    for namespace, location in ((SITEMAP_NS, SITEMAP_XSD), (DIWOO_NS, DIWOO_XSD)):
        etree.SubElement(root, f"{{{XS}}}import", namespace=namespace, schemaLocation=str(location))
    wrapper = etree.fromstring(etree.tostring(root), parser(), base_url=str(XSD / "w.xsd"))
    return etree.XMLSchema(etree.ElementTree(wrapper))


def validated(content):
    """``content`` parsed, after validating it against the schema its root element names;
    fails the test with the schema's messages if it does not validate."""
    document = etree.fromstring(content, parser())
    name = etree.QName(document)
    assert name.namespace == SITEMAP_NS, name
    schema = siteindex_schema() if name.localname == "sitemapindex" else sitemap_schema()
    if not schema.validate(document):
        raise AssertionError("\n".join(str(error) for error in schema.error_log))
    return document
