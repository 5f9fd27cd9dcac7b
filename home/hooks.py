"""The extension points of the CMS shell: how other apps add to ``home``'s pages.

``home`` imports nothing from the apps that use these (tests/test_architecture.py checks
it): an app registers a function for a hook name below in its ``wagtail_hooks.py``, and
home's templates render what the functions return with ``{% page_sections HOOK_NAME %}``
(``home/templatetags/section_tags.py``). Without such an app the pages render without
the sections.

Each function is called as ``function(request, page)`` while the page's template renders
and returns HTML: a safe string (``render_to_string`` or ``format_html``; a plain string is
escaped), or ``""``/``None`` for nothing. The outputs of several functions are joined with
a newline, in hook order (``hooks.register(name, fn, order=...)``).

``home_page_sections``
    Sections of the home page (``HomePage``), between "Laatste bijeenkomsten" and the
    page's body; the page puts what they return on lines of its own. ``advices`` adds
    the dashboard of what became of the advice (``advices/wagtail_hooks.py``).

``meeting_page_sections``
    Sections at the end of a meeting's report (``MeetingPage``), after its body. The page
    may be an unsaved page in the admin's preview (``page.pk is None``). ``advices``
    adds the public advice letters that cite the meeting.

``privacy_statement_sections``
    What the privacy statement block (``PrivacyStatementBlock``, on the privacy page) says
    about data that apps keep, each with its terms as the settings make them, so the page
    stays true when a setting changes. ``advices`` adds following by email.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail.hooks import get_hooks

HOME_PAGE_SECTIONS = "home_page_sections"
MEETING_PAGE_SECTIONS = "meeting_page_sections"
PRIVACY_STATEMENT_SECTIONS = "privacy_statement_sections"

HOOK_NAMES = (HOME_PAGE_SECTIONS, MEETING_PAGE_SECTIONS, PRIVACY_STATEMENT_SECTIONS)


def render_sections(hook_name, request, page):
    """The HTML of every function registered for ``hook_name``, joined with newlines."""
    if hook_name not in HOOK_NAMES:
        raise ValueError(f"{hook_name!r} is not one of home's hooks: {', '.join(HOOK_NAMES)}")
    parts = (function(request, page) for function in get_hooks(hook_name))
    return mark_safe("\n".join(conditional_escape(part) for part in parts if part))
