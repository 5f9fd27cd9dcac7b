"""The municipality's record of the decision after the advice, in the admin: the list (a
snippet viewset, in the "Adviezen" menu) and our own pages to record, change and read one
(``advices.admin.decisions_views``): a row per recommendation instead of an inline the clerk
fills row by row."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from advices.admin.decisions_views import (
    DecisionCreateView,
    DecisionEditView,
    DecisionInspectView,
)
from advices.models import Decision


class DecisionViewSet(SnippetViewSet):
    model = Decision
    icon = "circle-check"
    menu_label = _("Besluiten na het advies")
    list_display = ["title", "letter", "decided_on", "body"]
    list_filter = ["body"]
    search_fields = ["title", "summary"]
    copy_view_enabled = False
    # Those who may only look (the council) read a decision here.
    inspect_view_enabled = True

    @property
    def add_view(self):
        return DecisionCreateView.as_view()

    @property
    def edit_view(self):
        return DecisionEditView.as_view()

    @property
    def inspect_view(self):
        return DecisionInspectView.as_view()
