"""The addresses of the open data: the documentation page, the files and the API."""

from django.urls import include, path, re_path

from advices.public import open_data_views as open_data
from advices.public.api import api, not_found_view
from advices.public.api_requests import router as requests_router

api.add_router("/adviesaanvragen/", requests_router)

urlpatterns = [
    path("open-data/", open_data.open_data_page, name="open_data"),
    path("open-data/aanbevelingen.csv", open_data.recommendations_csv, name="open_data_csv"),
    path("open-data/aanbevelingen.json", open_data.recommendations_json, name="open_data_json"),
    # -- issue 13: the requests for advice --
    path("open-data/adviesaanvragen.csv", open_data.requests_csv, name="open_data_requests_csv"),
    path("open-data/adviesaanvragen.json", open_data.requests_json, name="open_data_requests_json"),
    # -- issue 14: the gemeenteraad's information system (ODS Open Raadsinformatie) --
    path("api/open-raadsinformatie/v1/", include("advices.public.ods.urls")),
    path("api/v1/", api.urls),
    # Anything else under the API answers in JSON too, not with the site's 404 page.
    re_path(r"^api/v1/", not_found_view),
]
