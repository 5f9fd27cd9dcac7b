"""What ``advices`` adds to ``home``'s pages, through the hooks home defines (home/hooks.py);
registered in ``advices/wagtail_hooks.py``. ``home`` imports nothing from ``advices``."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from advices.pages.advice_index import AdviceIndexPage, public_letters_with_urls
from advices.pages.tracker import RecommendationIndexPage
from advices.queries.dashboard import dashboard_html


def home_dashboard(request, page):
    """``home_page_sections``: what became of the advice, in figures (advices.queries.dashboard),
    linked to the tracker under this home page; nothing while there is nothing to count."""
    tracker = RecommendationIndexPage.for_site_root(page)
    tracker_url = tracker.get_url(request) if tracker else None
    html = dashboard_html(
        request,
        page,
        tracker_url=tracker_url,
        advice_index=lambda: AdviceIndexPage.for_request(request),
    )
    if not html:
        return ""
    section = render_to_string(
        "advices/includes/home_dashboard.html",
        {"dashboard_html": html, "tracker_url": tracker_url},
    )
    # Without the template file's last line break: templates/home/home_page.html lays it out.
    return mark_safe(section.removesuffix("\n"))


def meeting_letters(request, page):
    """``meeting_page_sections``: the public advice letters that cite this meeting."""
    # A new page in the admin's preview has no pk yet, so no advice either.
    letters = public_letters_with_urls(page.advice_letters.public(), request) if page.pk else []
    return render_to_string("advices/includes/meeting_letters.html", {"advice_letters": letters})
