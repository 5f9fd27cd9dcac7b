from django.urls import path

from home import site_views

urlpatterns = [
    path("contact/", site_views.contact, name="contact"),
    path("favicon.ico", site_views.favicon, name="favicon"),
]
