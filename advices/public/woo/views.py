"""``/robots.txt`` and the Woo index's XML files.

The index needs the publishing organisation's TOOI code (Instellingen, Gegevens van de raad).
Without it, or with nothing to publish, ``robots.txt`` names no sitemap and the XML files
answer 404 with the reason: an empty or unidentified sitemap would not validate, and the
harvester would reject it."""

import math

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from advices.public.woo import xml
from advices.public.woo.documents import woo_documents
from advices.public.woo.hooks import registered_documents
from advices.public.woo.vocabulary import ADVICE, CATEGORIES, Term
from home.models import CouncilSettings
from home.tooi import tooi_uri

# At most 50,000 entries per sitemap (sitemaps.org; the Woo index's handbook).
SITEMAP_SIZE = 50_000
XML_TYPE = "application/xml; charset=utf-8"


def organisations(request):
    """The publisher and the responsible body as TOOI terms, or (None, None) when the site has
    no publisher's code yet. The responsible body is left out when it is the publisher."""
    council = CouncilSettings.for_request(request)
    publisher_uri = tooi_uri(council.tooi_publisher)
    if publisher_uri is None:
        return None, None
    publisher = Term(publisher_uri, council.tooi_publisher_name or council.tooi_publisher)
    responsible_uri = tooi_uri(council.tooi_responsible)
    responsible = None
    if responsible_uri is not None and responsible_uri != publisher_uri:
        responsible = Term(
            responsible_uri, council.tooi_responsible_name or council.tooi_responsible
        )
    return publisher, responsible


class WooIndex:
    """What one request sees of the Woo index: the organisations and the documents, per
    category (the advice's own, and those other apps register in ``hooks``), split into
    sitemaps."""

    def __init__(self, request):
        self.request = request
        self.publisher, self.responsible = organisations(request)
        self.documents = {}
        if self.publisher:
            self.documents = registered_documents(request)
            self.documents[ADVICE] = woo_documents(request) + self.documents.get(ADVICE, [])

    def documents_of(self, category):
        return self.documents.get(category, [])

    def sitemap_count(self, category):
        return math.ceil(len(self.documents_of(category)) / SITEMAP_SIZE)

    def published_categories(self):
        return [category for category in CATEGORIES if self.sitemap_count(category)]

    def absolute(self, name, **kwargs):
        return self.request.build_absolute_uri(reverse(name, kwargs=kwargs))

    def index_url(self, category):
        return self.absolute(f"woo_sitemap_index_{category.number}")

    def sitemap_url(self, category, number):
        return self.absolute(f"woo_sitemap_{category.number}", number=number)


def _not_published():
    return HttpResponse(
        _(
            "Deze website meldt (nog) geen stukken aan bij de Woo-index in deze categorie: "
            "er is niets gepubliceerd, of de TOOI-code van de publicerende organisatie "
            "ontbreekt (Instellingen, Gegevens van de raad)."
        ),
        status=404,
        content_type="text/plain; charset=utf-8",
    )


@require_safe
def robots_txt(request):
    woo = WooIndex(request)
    lines = ["User-agent: *", "Disallow: /admin/", ""]
    lines += [f"Sitemap: {woo.index_url(category)}" for category in woo.published_categories()]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_index(request, category):
    woo = WooIndex(request)
    count = woo.sitemap_count(category)
    if not count:
        return _not_published()
    urls = [woo.sitemap_url(category, number) for number in range(1, count + 1)]
    return HttpResponse(xml.sitemap_index(urls), content_type=XML_TYPE)


@require_safe
def sitemap(request, category, number):
    woo = WooIndex(request)
    if not 1 <= number <= woo.sitemap_count(category):
        return _not_published()
    start = (number - 1) * SITEMAP_SIZE
    documents = woo.documents_of(category)[start : start + SITEMAP_SIZE]
    body = xml.sitemap(documents, category, woo.publisher, woo.responsible)
    return HttpResponse(body, content_type=XML_TYPE)
