from django.urls import path

from operations.health import health

urlpatterns = [path("gezondheid/", health, name="health")]
