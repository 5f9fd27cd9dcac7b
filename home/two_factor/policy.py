"""Who must use two-factor authentication, and who has set it up."""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice


def two_factor_required(user):
    """Whether ``user`` may use the admin only with a second factor set up (the settings
    ``ADVIESVOLGER_2FA_REQUIRED_GROUPS`` and ``ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS``)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.ADVIESVOLGER_2FA_REQUIRED_FOR_SUPERUSERS:
        return True
    groups = settings.ADVIESVOLGER_2FA_REQUIRED_GROUPS
    return bool(groups) and user.groups.filter(name__in=groups).exists()


def has_two_factor(user):
    """Whether ``user`` has a confirmed authenticator app (recovery codes come with it)."""
    return (
        user.is_authenticated
        and TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()
    )


def is_verified(user):
    """Whether this session gave a code after the password (set by django-otp's middleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())
