from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from advices.admin_panels import OverduePanel
from advices.freeze import FROZEN_MESSAGE
from advices.models import AdviceLetter, Erratum
from advices.response_viewsets import (
    CollegeResponseViewSet,
    CommitmentViewSet,
    CouncilAssessmentViewSet,
    FollowUpViewSet,
)
from advices.viewsets import AdviceLetterViewSet, ErratumViewSet

register_snippet(AdviceLetterViewSet)
register_snippet(ErratumViewSet)


@hooks.register("before_delete_snippet")
def refuse_deleting_frozen_letters(request, instances):
    """Single and bulk delete alike: a letter that is adopted or sent is kept."""
    frozen = [
        instance
        for instance in instances
        if isinstance(instance, AdviceLetter) and not instance.is_editable
    ]
    if frozen:
        messages.error(request, FROZEN_MESSAGE)
        return redirect("wagtailsnippets_advices_adviceletter:list")
    return None


@hooks.register("after_create_snippet")
def record_erratum_author(request, instance):
    if isinstance(instance, Erratum) and instance.created_by_id is None:
        instance.created_by = request.user
        instance.save(update_fields=["created_by"])


@hooks.register("register_snippet_listing_buttons")
def letter_listing_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, AdviceLetter):
        return []
    return [
        Button(
            label,
            url=reverse(f"wagtailsnippets_advices_adviceletter:{name}", args=[snippet.pk]),
            icon_name=icon,
            priority=priority,
        )
        for label, name, icon, priority in [
            (_("Status en volgende stap"), "status", "tasks", 5),
            (_("Versies"), "versions", "history", 6),
        ]
    ]


register_snippet(CollegeResponseViewSet)
register_snippet(CommitmentViewSet)
register_snippet(FollowUpViewSet)
register_snippet(CouncilAssessmentViewSet)


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    user = request.user
    if user.has_perm("advices.view_adviceletter") or user.has_perm("advices.view_commitment"):
        panels.append(OverduePanel())
