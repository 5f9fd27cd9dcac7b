"""Admin URLs of two-factor authentication (added under /admin/ by home/wagtail_hooks.py)."""

from django.urls import path

from home.two_factor import views

urlpatterns = [
    path("tweestapsverificatie/", views.overview, name="home_two_factor"),
    path("tweestapsverificatie/code/", views.verify, name="home_two_factor_verify"),
    path("tweestapsverificatie/instellen/", views.setup, name="home_two_factor_setup"),
    path(
        "tweestapsverificatie/herstelcodes/",
        views.recovery_codes,
        name="home_two_factor_recovery_codes",
    ),
    path(
        "tweestapsverificatie/herstelcodes/nieuw/",
        views.new_recovery_codes,
        name="home_two_factor_new_recovery_codes",
    ),
    path("tweestapsverificatie/uitzetten/", views.remove, name="home_two_factor_remove"),
]
