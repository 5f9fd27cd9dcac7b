"""The TOOI values the Woo index gets from this site (DiWoo 0.9.8, diwoo-metadata-lijsten.xsd).

The advice falls under the Woo category *adviezen* (infocat010): the category covers the
advice "and the request for advice it concerns" (the TOOI definition of c_99a836c7). The
college's reply is published beside the advice it answers, in the same category, with the
relation "is reactie op"; the Woo has no category of its own for it. The council's annual
report falls under *jaarplannen en jaarverslagen* (infocat012, c_c6cd1213); the app
``annual`` adds those documents (``advices.public.woo.hooks``)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    uri: str
    label: str


KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"


@dataclass(frozen=True)
class Category:
    number: str  # the NNN of sitemapindex-diwoo-infocatNNN.xml
    term: Term
    slug: str  # names its sitemaps: sitemap-<slug>-<n>.xml

    @property
    def index_name(self):
        return f"sitemapindex-diwoo-infocat{self.number}.xml"


ADVICE = Category("010", Term(KERN + "c_99a836c7", "adviezen"), "adviezen")
ANNUAL_REPORTS = Category(
    "012", Term(KERN + "c_c6cd1213", "jaarplannen en jaarverslagen"), "jaarverslagen"
)
CATEGORIES = [ADVICE, ANNUAL_REPORTS]

# Document types (ccw_plooi_documentsoorten).
ADVICE_DOCUMENT = Term(KERN + "c_d506b718", "advies")
REQUEST_DOCUMENT = Term(KERN + "c_a40458df", "adviesaanvraag")
LETTER_DOCUMENT = Term(KERN + "c_7652d853", "brief")
ANNUAL_REPORT_DOCUMENT = Term(KERN + "c_3d782f30", "jaarverslag")

# Actions on a document (ccw_plooi_documenthandelingen).
ADOPTION = Term(KERN + "c_641ecd76", "vaststelling")
RECEIPT = Term(KERN + "c_dfcee535", "ontvangst")

# Relations between documents (scw_documentrelatie).
IS_REPLY_TO = Term(KERN + "c_07748060", "is reactie op")

DUTCH = Term("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
PDF = Term("http://publications.europa.eu/resource/authority/file-type/PDF", "PDF")
