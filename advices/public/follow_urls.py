"""Public URLs to follow the advice: by email (/volgen/...) and by feed (/feeds/...)."""

from django.urls import path

from advices.models import FollowTarget
from advices.public import feeds, my_data_views
from advices.public import follow_views as views

app_name = "follow"

urlpatterns = [
    path(
        "volgen/aanbeveling/<int:pk>/",
        views.subscribe,
        {"target_type": FollowTarget.RECOMMENDATION},
        name="recommendation",
    ),
    path(
        "volgen/advies/<int:pk>/",
        views.subscribe,
        {"target_type": FollowTarget.LETTER},
        name="letter",
    ),
    path(
        "volgen/thema/<slug:slug>/",
        views.subscribe,
        {"target_type": FollowTarget.THEME},
        name="theme",
    ),
    path(
        "volgen/adviesaanvragen/",
        views.subscribe,
        {"target_type": FollowTarget.REQUESTS},
        name="requests",
    ),
    path("volgen/bevestig-uw-e-mail/", views.sent, name="sent"),
    path("volgen/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("volgen/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # What is stored about an address (AVG): asked for here, answered by mail.
    path("volgen/mijn-gegevens/", my_data_views.my_data, name="my_data"),
    path("volgen/mijn-gegevens/verstuurd/", my_data_views.my_data_sent, name="my_data_sent"),
    # Feeds: RSS under /feeds/, Atom under /feeds/atom/.
    path("feeds/adviezen/", feeds.NewAdviceFeed(), name="feed_advice"),
    path("feeds/atom/adviezen/", feeds.NewAdviceAtomFeed(), name="feed_advice_atom"),
    path("feeds/adviesaanvragen/", feeds.NewRequestsFeed(), name="feed_requests"),
    path("feeds/atom/adviesaanvragen/", feeds.NewRequestsAtomFeed(), name="feed_requests_atom"),
    path("feeds/status/", feeds.StatusFeed(), name="feed_status"),
    path("feeds/status/<slug:slug>/", feeds.StatusFeed(), name="feed_status_theme"),
    path("feeds/atom/status/", feeds.StatusAtomFeed(), name="feed_status_atom"),
    path("feeds/atom/status/<slug:slug>/", feeds.StatusAtomFeed(), name="feed_status_theme_atom"),
]
