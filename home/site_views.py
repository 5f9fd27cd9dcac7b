"""Pages of the site itself, not of its content: contact, and the icon browsers ask for."""

from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from home.models import CouncilSettings

FAVICON = "icons/favicon.ico"


@require_safe
def contact(request):
    """The council's contact details, from its settings (Gegevens van de raad); when they are
    empty the page says so, it never makes anything up."""
    site = Site.find_for_request(request)
    home_url = site.root_page.get_url(request) if site else "/"
    return TemplateResponse(
        request,
        "home/contact.html",
        {
            "council": CouncilSettings.for_request(request),
            "breadcrumb_trail": [{"title": _("Home"), "url": home_url}, {"title": _("Contact")}],
        },
    )


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """``/favicon.ico``, which browsers and feed readers ask for whatever the page says: the
    static icon (under its hashed name in production, so it is cached for long there)."""
    return HttpResponseRedirect(staticfiles_storage.url(FAVICON))
