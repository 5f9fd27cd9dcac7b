"""Shared fixtures: a real Chromium through Playwright, an axe-core accessibility check, and a
fast stand-in for the PDF renderer in tests that are not about the PDF.

Browser tests use Debian's `chromium` (Playwright cannot download its own browser here).
Without it they are skipped on a developer's machine, but fail when CI=true: a CI run that
silently skipped every browser test would prove nothing.
"""

import functools
import io
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    # The machine has no network but the loopback: without these Chromium keeps trying
    # to reach Google's services in the background.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

# A common laptop screen; the reflow tests set their own, narrow viewport.
DESKTOP_VIEWPORT = {"width": 1280, "height": 800}


def pytest_report_header(config):
    # make test runs the suite twice; say which database this run is on.
    from django.conf import settings

    database = settings.DATABASES["default"]
    where = f" at {database['HOST']}:{database['PORT']}" if database.get("HOST") else ""
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]}{where}"


def _running_in_ci():
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.fixture(scope="session")
def browser(django_db_setup):
    executable = shutil.which("chromium")
    if executable is None:
        message = "Chromium is not installed (Debian: apt-get install chromium)"
        if _running_in_ci():
            pytest.fail(f"{message}; CI=true, so browser tests must not be skipped.")
        pytest.skip(message)

    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API leaves an asyncio loop running in this thread. Django then
    # keeps its connections per async context instead of per thread, and would open a
    # second set without the state of the test databases (the serialized contents that
    # serialized_rollback restores, for one). Hand the existing connections over.
    # Django also refuses database access while a loop runs unless
    # DJANGO_ALLOW_ASYNC_UNSAFE is set, which consult.settings.test does.
    existing = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, connection in existing.items():
        connections[alias] = connection
    try:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def new_context(browser):
    """Make a fresh browser context (own cookies, own settings); closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP_VIEWPORT)
        options.setdefault("locale", "nl-NL")
        context = browser.new_context(**options)
        # Fail fast: a page that hangs should not stall the suite for Playwright's 30 s.
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture(scope="session")
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def format_axe_violations(violations):
    """One block per broken rule: id, impact, help link, and each failing node."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact given'}): "
            f"{violation['help']} [{violation.get('helpUrl', '')}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            html = " ".join(node.get("html", "").split())
            lines.append(f"    at {target}: {html[:200]}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend(f"      {line}" for line in summary.splitlines() if line.strip())
    return "\n".join(lines)


@pytest.fixture
def assert_accessible(_axe):
    """Call with a loaded page: runs axe-core on it and fails on any violation."""

    def check(page, context=None, options=None):
        # axe's default rule set: WCAG A and AA plus its best practices.
        options = options or {"resultTypes": ["violations"]}
        violations = _axe.run(page, context=context, options=options).response["violations"]
        assert not violations, (
            f"axe found {len(violations)} accessibility violation(s) on {page.url}:\n"
            + format_axe_violations(violations)
        )

    return check


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Django's cache lives in the process: start every test without another test's entries."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# -- the PDF of a sent letter -------------------------------------------------------------------
#
# Sending a letter renders its PDF with WeasyPrint (``advices.pdf.render.render_letter_pdf``,
# looked up when the letter is sent), which takes 0.3-1 s per letter. Tests that send a letter
# for another reason get a small real PDF instead. The PDF itself is rendered for real in:
# - test modules named ``test_pdf_*.py`` (rendering and the archive of sent PDFs),
# - the benchmarks,
# - any test marked ``@pytest.mark.real_pdf``: a test that reads a sent letter's PDF (its text,
#   its pages, its bytes against a fresh rendering) or downloads it in the browser needs it.
# The stand-in is put in place per test; a module- or session-scoped fixture that sends letters
# runs before that, so it renders for real (tests/advices/test_pdf_render.py relies on it).
# tests/test_letter_pdf_stand_in.py checks both sides.


@functools.cache
def fake_letter_pdf(reference):
    """One blank A4 page with ``reference`` as its title: a valid PDF, made once per letter."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": reference, "/Producer": "tests/conftest.py (no WeasyPrint)"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def fake_render_letter_pdf(letter, version=None, *, site=None):
    """Stands in for ``advices.pdf.render.render_letter_pdf`` (same signature)."""
    return fake_letter_pdf(letter.reference)


def renders_real_pdf(item):
    path = Path(str(item.path))
    return (
        item.get_closest_marker("real_pdf") is not None
        or path.name.startswith("test_pdf_")
        or "benchmarks" in path.parts
    )


@pytest.fixture(autouse=True)
def _fast_letter_pdf(request, monkeypatch):
    if renders_real_pdf(request.node):
        return
    monkeypatch.setattr("advices.pdf.render.render_letter_pdf", fake_render_letter_pdf)
