"""Setting up the authenticator app, checking codes, and the recovery codes.

A six-digit code is checked against the authenticator app, anything else against the recovery
codes. Every wrong code makes the next try on that device wait longer (django-otp's
throttling: 1, 2, 4, 8 ... seconds, ``OTP_TOTP_THROTTLE_FACTOR``), so guessing is hopeless.
"""

import re
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"
TOTP_CODE = re.compile(r"^\d{6}$")


def normalize(code):
    """What the user typed, without spaces and dashes, lower case (codes are shown grouped)."""
    return re.sub(r"[\s-]", "", code or "").lower()


def pending_app_device(user):
    """The authenticator app being set up: the same secret until it is confirmed, so reloading
    the page does not invalidate a scanned QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def app_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_device(user):
    return StaticDevice.objects.filter(user=user).order_by("pk").first()


def readable_secret(device):
    """The secret as the apps ask for it when typed in: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@dataclass(frozen=True)
class CodeCheck:
    device: object = None  # the device that accepted the code, or None
    wait_until: datetime | None = None  # too many wrong codes: the next try from then on

    @property
    def ok(self):
        return self.device is not None


def check_code(user, code, device=None):
    """Check ``code`` for ``user`` (against ``device`` if given, e.g. the app being set up).
    A recovery code is used up when it is accepted."""
    code = normalize(code)
    if device is None:
        device = app_device(user) if TOTP_CODE.match(code) else recovery_device(user)
    if device is None or not code:
        return CodeCheck()
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(wait_until=(details or {}).get("locked_until"))
    return CodeCheck(device=verify_token(user, device.persistent_id, code))


def confirm_app(user, device, code):
    """Confirm the app being set up with its first code; replaces any earlier app."""
    result = check_code(user, code, device=device)
    if result.ok:
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
        device.refresh_from_db()
        return CodeCheck(device=device)
    return result


@transaction.atomic
def new_recovery_codes(user):
    """Ten fresh recovery codes; the earlier ones stop working. Returns them, grouped for
    reading: they are stored only for checking and are not shown again."""
    device = recovery_device(user)
    if device is None:
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def recovery_codes_left(user):
    device = recovery_device(user)
    return device.token_set.count() if device else 0


@transaction.atomic
def remove_two_factor(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
