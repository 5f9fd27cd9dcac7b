"""The ODS Open Raadsinformatie addresses, mounted at ``/api/open-raadsinformatie/v1/``.

The paths are the spec's own, without a trailing slash, so a client built from the spec
works with this base address as it is."""

from django.urls import path, re_path

from advices.public.ods import views
from advices.public.ods.problems import unknown_address

app_name = "ods"

urlpatterns = [
    path("informatieobjecten", views.information_objects, name="information_objects"),
    path("informatieobjecten/advies-<str:kenmerk>", views.letter, name="letter"),
    path("informatieobjecten/reactie-<str:kenmerk>", views.reply, name="reply"),
    path("indieners", views.submitters, name="submitters"),
    path("indieners/<str:kenmerk>", views.submitter, name="submitter"),
    path("organisatorische_eenheden", views.units, name="units"),
    path("organisatorische_eenheden/raad", views.council, name="council"),
    path("besluiten", views.decisions, name="decisions"),
    path("besluiten/<int:nummer>", views.decision, name="decision"),
    # Any other address here answers in JSON (named, so the role matrix reaches it too).
    re_path(r"", unknown_address, name="unknown"),
]
