"""Shared by the tests of following by email: an address, a post from the site's own page
(running what is enqueued on commit, the mail)."""

from django.test import TestCase

ADDRESS = "inwoner@example.nl"
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


def post(client, url, email=ADDRESS, **headers):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, {"email": email}, **{**SAME_SITE, **headers})
