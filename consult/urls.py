from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", home_views.search, name="search"),
    path("", include("home.urls")),  # /contact/, /favicon.ico
    path("", include("operations.urls")),  # /gezondheid/
    path("", include("advices.public.open_data_urls")),
    path("", include("advices.public.woo.urls")),  # /robots.txt, the Woo index's sitemaps
]

# Uploaded media: in production the web server (or object storage) serves them; in development
# the site does, also with DEBUG off (consult/settings/dev.py).
if settings.DEBUG or settings.SERVE_MEDIA_FILES:
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include("advices.public.follow_urls"))]  # /volgen/, /feeds/
urlpatterns += [path("", include(wagtail_urls))]
