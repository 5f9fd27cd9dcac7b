"""Mail to the council's secretariat (Django's email; the console in development)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url

from home.roles import SECRETARIAT


def secretariat_addresses():
    users = (
        get_user_model().objects.filter(groups__name=SECRETARIAT, is_active=True).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


@translation.override(settings.LANGUAGE_CODE)
def notify_secretariat_of_reply(response):
    recipients = secretariat_addresses()
    if not recipients:
        return 0
    letter = response.letter
    url = get_admin_base_url() + reverse(
        "wagtailsnippets_advices_collegeresponse:edit", args=[response.pk]
    )
    subject = _("Reactie van het college op %(reference)s") % {"reference": letter.reference}
    body = _(
        "Het college heeft gereageerd op het advies %(reference)s '%(subject)s'.\n"
        "De reactie is ontvangen op %(received)s en vastgelegd in Adviesvolger.\n\n"
        "Bekijk de reactie: %(url)s\n"
    ) % {
        "reference": letter.reference,
        "subject": letter.subject,
        "received": formats.date_format(response.received_on, "j F Y"),
        "url": url,
    }
    return send_mail(subject, body, None, recipients)
