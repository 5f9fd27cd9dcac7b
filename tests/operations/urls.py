"""The site's URLs plus two pages that are personal in ways the page cache must notice: a
form with a CSRF token, and a response that sets a cookie."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

FORM = engines["django"].from_string(
    '<form method="post">{% csrf_token %}<button>Volgen</button></form>'
)


def form_page(request):
    return HttpResponse(FORM.render({}, request))


def cookie_page(request):
    response = HttpResponse("Welkom")
    response.set_cookie("gezien", "ja")
    return response


urlpatterns = [
    path("proef/formulier/", form_page),
    path("proef/koekje/", cookie_page),
    path("", include("consult.urls")),
]
