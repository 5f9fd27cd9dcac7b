"""``privacy_statement_sections`` (home/hooks.py): what the privacy page says about following
by email, its terms taken from the settings (``advices.lifecycle.subscription_terms`` and the
follow form's limits), so the page cannot fall behind a changed setting."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from advices.lifecycle.subscription_terms import confirm_max_age
from advices.notify.subscriptions import repeat_window_hours


def following_by_email(request, page):
    return render_to_string(
        "advices/includes/privacy_following.html",
        {
            "confirm_days": confirm_max_age().days,
            "mails_per_address": settings.ADVICES_FOLLOW_MAILS_PER_ADDRESS,
            "window_hours": repeat_window_hours(),
            "my_data_url": reverse("follow:my_data"),
        },
    )
