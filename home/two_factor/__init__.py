"""Two-factor authentication for the admin (django-otp): a TOTP authenticator app plus ten
one-time recovery codes.

- ``policy``: who must use it (``ADVIESVOLGER_2FA_REQUIRED_GROUPS``, superusers) and who has it.
- ``devices``: setting it up, checking a code (with django-otp's throttling), recovery codes.
- ``middleware``: after the password, no admin URL works until the code is given (or, for
  whoever must use it and has not set it up, until it is set up).
- ``views``: the verification step, the setup page with its QR code, recovery codes, removal.
"""
