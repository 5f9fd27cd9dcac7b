"""Security headers on every kind of response (issue 11): a strict Content-Security-Policy
on the public site (no inline script or style, no nonce, so cached pages stay valid), a
relaxed one only under /admin/, none on PDFs (Chrome's PDF viewer breaks under a page
policy), and a Permissions-Policy everywhere. Browser checks that the policies let every
page work are in tests/browser/test_security_headers.py.
"""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.advices.conftest import index, people  # noqa: F401  (shared fixtures)
from tests.advices.story import send_letter
from tests.factories import ThemeFactory

PUBLIC_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_permissions_policy(response, what):
    policy = response.get("Permissions-Policy", "")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in policy, f"{what}: {feature} not denied in {policy!r}"


def assert_public_policy(response, what):
    header = response.get("Content-Security-Policy")
    assert header is not None, f"{what}: no Content-Security-Policy"
    assert directives(header) == directives(PUBLIC_CSP), f"{what}: {header}"
    assert "nonce-" not in header and "unsafe" not in header, f"{what}: {header}"
    assert_permissions_policy(response, what)


@pytest.fixture
def site(index, people):  # noqa: F811
    theme = ThemeFactory(name="Jeugd", slug="jeugd")
    letter = send_letter(people, "PR-2022-07", recommendations=2, themes=[theme])
    return {"index": index, "letter": letter, "theme": theme}


def test_public_responses_carry_the_strict_policy(client, site):
    advice_index, letter, theme = site["index"], site["letter"], site["theme"]
    urls = {
        "home": "/",
        "advice index": advice_index.url,
        "letter": advice_index.letter_url(letter),
        "recommendation": advice_index.recommendation_url(letter, 1),
        "theme": advice_index.theme_url(theme),
        "search": "/zoeken/?q=sociaal",
        "follow form": f"/volgen/advies/{letter.pk}/",
        "open data": "/open-data/",
        "CSV": "/open-data/aanbevelingen.csv",
        "JSON": "/open-data/aanbevelingen.json",
        "API": "/api/v1/adviezen",
        "API docs": "/api/v1/docs",
        "RSS feed": "/feeds/adviezen/",
        "Atom feed": "/feeds/atom/adviezen/",
        "not found": "/bestaat-niet/",
        "static file": "/static/css/site.css",
    }
    for what, url in urls.items():
        response = client.get(url)
        assert response.status_code in (200, 404), f"{what}: {response.status_code}"
        assert_public_policy(response, what)


def test_the_api_docs_page_runs_no_inline_script(client, db):
    """Swagger UI's start script is a static file (django-ninja's swagger-ui-init.js); its
    settings are a JSON data block, which a browser does not run."""
    html = client.get("/api/v1/docs").content.decode()
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "<style" not in html and "style=" not in html


def test_refusals_and_limits_carry_the_strict_policy(client, site, settings):
    letter = site["letter"]
    refused = client.post(f"/volgen/advies/{letter.pk}/", {"email": "a@example.nl"})
    assert refused.status_code == 403
    assert_public_policy(refused, "refused follow post")
    settings.ADVICES_FOLLOW_POSTS_PER_CLIENT = 0
    limited = client.post(
        f"/volgen/advies/{letter.pk}/", {"email": "a@example.nl"}, HTTP_ORIGIN="http://testserver"
    )
    assert limited.status_code == 429
    assert_public_policy(limited, "rate-limited follow post")


def test_the_admin_gets_the_relaxed_policy(client, people):  # noqa: F811
    login = client.get("/admin/login/")
    header = directives(login["Content-Security-Policy"])
    assert "'unsafe-inline'" in header["script-src"]
    assert header["object-src"] == ["'none'"]
    assert header["frame-ancestors"] == ["'self'"]
    assert_permissions_policy(login, "admin login")
    client.force_login(people["secretary"])
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert directives(dashboard["Content-Security-Policy"]) == header
    # A logged-in editor on a public page still gets the public policy: the userbar's
    # scripts and styles are static files (checked in the browser test).
    assert_public_policy(client.get("/"), "home page, logged in")


def test_pdfs_carry_no_page_policy_but_the_other_headers(client, site):
    """Chrome's PDF viewer is a page the browser builds around the file; a page policy on
    the PDF would break it. Both the first download (through the page tree) and a repeat
    (the fast path in advices/pdf/middleware.py) carry the Permissions-Policy."""
    url = site["index"].pdf_url(site["letter"])
    for attempt in ("first", "repeat"):
        response = client.get(url)
        assert response.status_code == 200, attempt
        assert response["Content-Type"] == "application/pdf"
        assert "Content-Security-Policy" not in response, attempt
        assert_permissions_policy(response, f"PDF, {attempt} download")


def test_uploaded_documents_keep_wagtails_stricter_policy(client, db):
    """An uploaded document is untrusted: Wagtail serves it with ``default-src 'none'``
    (WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT), stricter than the site's, and our middleware leaves
    that in place."""
    document = get_document_model().objects.create(
        title="Notulen", file=ContentFile(b"Notulen van de vergadering.\n", name="notulen.txt")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert_permissions_policy(response, "document")
