"""The Woo index's addresses, at the site's root, where the harvester looks for them: per
category ``sitemapindex-diwoo-infocatNNN.xml`` (the name the Woo index requires) and its
numbered sitemaps."""

from django.urls import path

from advices.public.woo import views
from advices.public.woo.vocabulary import CATEGORIES

urlpatterns = [path("robots.txt", views.robots_txt, name="robots_txt")]
for category in CATEGORIES:
    urlpatterns += [
        path(
            category.index_name,
            views.sitemap_index,
            {"category": category},
            name=f"woo_sitemap_index_{category.number}",
        ),
        path(
            f"sitemap-{category.slug}-<int:number>.xml",
            views.sitemap,
            {"category": category},
            name=f"woo_sitemap_{category.number}",
        ),
    ]
