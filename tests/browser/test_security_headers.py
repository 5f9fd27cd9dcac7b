"""The Content-Security-Policy in a real browser (issue 11): every public page type, the API
docs, the pages of following by email and the main admin pages load without a single CSP
violation, and so does a public page seen by a logged-in editor (with Wagtail's userbar and
its content checker).

Chromium reports each violation as a ``securitypolicyviolation`` event (collected by a
script every page and frame gets before its own) and as a console message; both are
gathered, so nothing a policy blocks goes unnoticed.
"""

import io
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Site

from advices.models import AdviceLetter, LetterStatus
from advices.pages import AdviceIndexPage
from tests.browser.loading import open_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} ` +
        `at ${event.sourceFile || document.location.href}:${event.lineNumber} ` +
        `sample ${JSON.stringify(event.sample || "")}`
    );
});
"""


class Violations:
    """The CSP violations of one browser context, from events and from the console."""

    def __init__(self, context):
        self.console = []
        context.add_init_script(COLLECT_VIOLATIONS)
        context.on("console", self._console)
        self.context = context

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def of(self, page):
        found = list(self.console)
        for frame in page.frames:
            try:
                found += frame.evaluate("() => window.__cspViolations || []")
            except Exception:  # a frame that went away while we asked
                continue
        self.console.clear()
        return found


@pytest.fixture
def demo(live_server):
    call_command("load_demo", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def browse(new_context):
    def make(cookies=()):
        context = new_context()
        if cookies:
            context.add_cookies(list(cookies))
        return context.new_page(), Violations(context)

    return make


def settle(page):
    """Let scripts that run after load (Swagger UI, the admin's widgets) do their work."""
    page.wait_for_load_state("networkidle")


def public_paths(home):
    """One live page of every page type, and the public views outside the page tree."""
    paths = {}
    for page in Page.objects.live().public().descendant_of(home, inclusive=True).specific():
        paths.setdefault(type(page).__name__, page.url)
    index = AdviceIndexPage.objects.live().first()
    letter = AdviceLetter.objects.public().order_by("date").first()
    paths["letter"] = index.letter_url(letter)
    first = letter.recommendations.order_by("number").first()
    paths["recommendation"] = index.recommendation_url(letter, first.number)
    paths["search"] = "/zoeken/?q=sociaal"
    paths["open data"] = "/open-data/"
    paths["API docs"] = "/api/v1/docs"
    paths["follow form"] = f"/volgen/advies/{letter.pk}/"
    paths["follow sent"] = "/volgen/bevestig-uw-e-mail/"
    return paths


def test_public_pages_have_no_csp_violations(browse, live_server, demo):
    page, violations = browse()
    problems = {}
    for name, path in public_paths(demo).items():
        open_url(page, live_server, path)
        settle(page)
        if name == "API docs":
            # Swagger UI really ran (its script is a static file, not inline).
            page.locator(".swagger-ui .info").wait_for()
        found = violations.of(page)
        if found:
            problems[f"{name} ({path})"] = found
    assert not problems, "CSP violations:\n" + "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in problems.items()
    )
    # The collector does see a violation when there is one: an image from another site.
    page.evaluate(
        """() => document.body.insertAdjacentHTML(
            "beforeend", '<img alt="" src="https://elders.example/x.png">')"""
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert any("img-src" in found for found in violations.of(page))


def test_a_not_found_page_has_no_csp_violations(browse, live_server, demo):
    page, violations = browse()
    response = page.goto(live_server.url + "/bestaat-niet/")
    assert response.status == 404
    assert violations.of(page) == []


def logged_in_cookies(live_server, username):
    user = get_user_model().objects.get(username=username)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]


ADMIN_PATHS = [
    "/admin/",
    "/admin/pages/",
    "/admin/snippets/advices/adviceletter/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/users/",
    "/admin/reports/site-history/",
]


def test_admin_login_page_has_no_csp_violations(browse, live_server, demo):
    page, violations = browse()
    open_url(page, live_server, "/admin/login/")
    settle(page)
    assert violations.of(page) == []


def test_admin_pages_have_no_csp_violations(browse, live_server, demo):
    page, violations = browse(logged_in_cookies(live_server, "beheerder"))
    paths = list(ADMIN_PATHS)
    home = demo
    paths.append(f"/admin/pages/{home.pk}/")
    paths.append(f"/admin/pages/{home.pk}/edit/")
    letter = AdviceLetter.objects.filter(status=LetterStatus.CONCEPT).first()
    if letter is not None:
        paths.append(f"/admin/snippets/advices/adviceletter/edit/{letter.pk}/")
    problems = {}
    for path in paths:
        open_url(page, live_server, path)
        settle(page)
        found = violations.of(page)
        if found:
            problems[path] = found
    assert not problems, "CSP violations in the admin:\n" + "\n".join(
        f"{path}:\n  " + "\n  ".join(found) for path, found in problems.items()
    )


def test_the_page_preview_has_no_csp_violations(browse, live_server, demo):
    """The edit page's preview panel: an iframe of /admin/.../preview/ (the admin's policy)."""
    page, violations = browse(logged_in_cookies(live_server, "beheerder"))
    open_url(page, live_server, f"/admin/pages/{demo.pk}/edit/")
    settle(page)
    page.locator('[data-side-panel-toggle="preview"]').first.click()
    # The panel loads the preview in a new iframe and swaps it in when it has loaded.
    page.wait_for_function(
        """() => [...document.querySelectorAll("iframe[data-w-preview-target='iframe']")]
            .some((frame) => frame.contentDocument
                && frame.contentDocument.location.href.includes("/preview/")
                && frame.contentDocument.querySelector("main"))"""
    )
    settle(page)
    assert any("/preview/" in frame.url for frame in page.frames)
    assert violations.of(page) == []


def test_the_userbar_works_on_a_public_page_under_the_public_policy(browse, live_server, demo):
    """A logged-in editor sees Wagtail's userbar on public pages; its scripts and styles are
    static files, so the strict public policy lets it work (and its content checker run)."""
    page, violations = browse(logged_in_cookies(live_server, "beheerder"))
    response = open_url(page, live_server, demo.url)
    settle(page)
    trigger = page.locator("wagtail-userbar").locator("#wagtail-userbar-trigger")
    trigger.wait_for()
    trigger.click()
    page.locator("wagtail-userbar").get_by_role("menuitem").first.wait_for()
    settle(page)
    assert response is not None
    assert violations.of(page) == []
    # The header the page came with is the public one.
    headers = page.request.get(live_server.url + demo.url).headers
    assert "'unsafe-inline'" not in headers["content-security-policy"]
    assert re.search(r"script-src 'self'(;|$)", headers["content-security-policy"])
