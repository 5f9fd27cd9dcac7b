from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from advices.admin.menu import AdviceCycleViewSetGroup
from advices.admin.panels import OverduePanel
from advices.admin.requests_panel import OpenRequestsPanel, may_see_open_requests
from advices.admin.urls import admin_url, url_name
from advices.admin.views import archive_export
from advices.lifecycle.frozen import FROZEN_MESSAGE, cited_refusal, citing_frozen_letters, is_frozen
from advices.models import AdviceLetter, AdviceRequest
from advices.pages import home_sections, privacy
from home.hooks import HOME_PAGE_SECTIONS, MEETING_PAGE_SECTIONS, PRIVACY_STATEMENT_SECTIONS
from home.models import MeetingPage, Theme

register_snippet(AdviceCycleViewSetGroup)


@hooks.register("before_delete_snippet")
def refuse_deleting_frozen_letters(request, instances):
    """Single and bulk delete alike: a letter that is adopted or sent is kept."""
    frozen = [
        instance
        for instance in instances
        if isinstance(instance, AdviceLetter) and is_frozen(instance.status)
    ]
    if frozen:
        messages.error(request, FROZEN_MESSAGE)
        return redirect(url_name(AdviceLetter, "list"))
    themes = [instance for instance in instances if isinstance(instance, Theme)]
    references = citing_frozen_letters("themes", [theme.pk for theme in themes]) if themes else []
    if references:
        names = ", ".join(theme.name for theme in themes)
        messages.error(request, cited_refusal(_("‘%(name)s’") % {"name": names}, references))
        return redirect("wagtailsnippets_home_theme:list")
    return None


@hooks.register("before_delete_page")
def refuse_deleting_cited_meetings(request, page):
    """A meeting (or a section holding meetings) that a sent letter cites stays."""
    meetings = MeetingPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    references = citing_frozen_letters("meetings", list(meetings))
    if references:
        messages.error(request, cited_refusal(_("‘%(title)s’") % {"title": page.title}, references))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("register_snippet_listing_buttons")
def letter_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, AdviceLetter):
        return []
    return [
        Button(
            label,
            url=admin_url(AdviceLetter, name, snippet.pk),
            icon_name=icon,
            priority=priority,
        )
        for label, name, icon, priority in [
            (_("Status en volgende stap"), "status", "tasks", 5),
            (_("Versies"), "versions", "history", 6),
        ]
    ]


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    user = request.user
    if user.has_perm("advices.view_adviceletter") or user.has_perm("advices.view_commitment"):
        panels.append(OverduePanel())


# What advices adds to home's pages (home/hooks.py).
hooks.register(HOME_PAGE_SECTIONS, home_sections.home_dashboard)
hooks.register(MEETING_PAGE_SECTIONS, home_sections.meeting_letters)
hooks.register(PRIVACY_STATEMENT_SECTIONS, privacy.following_by_email)


@hooks.register("register_log_actions")
def register_request_log_actions(actions):
    actions.register_action(
        "advices.request_status",
        _("Status van een adviesaanvraag gewijzigd"),
        _("Status gewijzigd"),
    )
    actions.register_action(
        "advices.request_extended",
        _("Termijn van een adviesaanvraag verlengd"),
        _("Termijn verlengd"),
    )


# -- requests for advice (issue 13) ---------------------------------------------------------


@hooks.register("register_snippet_listing_buttons")
def request_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, AdviceRequest):
        return []
    return [
        Button(
            _("Status en volgende stap"),
            url=admin_url(AdviceRequest, "status", snippet.pk),
            icon_name="tasks",
            priority=5,
        )
    ]


@hooks.register("construct_homepage_panels")
def add_open_requests_panel(request, panels):
    if may_see_open_requests(request.user):
        panels.append(OpenRequestsPanel())


@hooks.register("register_admin_urls")
def archive_export_urls():
    return [
        path("archief-export/", archive_export.archive_export, name="advices_archive_export"),
    ]


@hooks.register("register_settings_menu_item")
def archive_export_menu_item():
    return archive_export.ArchiveExportMenuItem(
        _("Export voor het archief"),
        reverse("advices_archive_export"),
        name="archive-export",
        icon_name="download",
        order=620,
    )
