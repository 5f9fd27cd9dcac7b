"""The advice cycle in the admin: one "Adviezen" menu holding every part of it, in the order
the work is done (the college's requests, the council's letters and errata, then the
college's side)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from advices.admin.college import (
    CollegeResponseViewSet,
    CommitmentViewSet,
    CouncilAssessmentViewSet,
    FollowUpViewSet,
)
from advices.admin.decisions import DecisionViewSet
from advices.admin.letters import AdviceLetterViewSet, ErratumViewSet
from advices.admin.requests import AdviceRequestViewSet


class AdviceCycleViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Adviezen")
    menu_name = "adviezen"
    menu_icon = "doc-full"
    menu_order = 200
    items = (
        AdviceRequestViewSet,
        AdviceLetterViewSet,
        ErratumViewSet,
        CollegeResponseViewSet,
        CommitmentViewSet,
        FollowUpViewSet,
        CouncilAssessmentViewSet,
        DecisionViewSet,
    )
