"""The annual reports' chooser (Wagtail makes one for every snippet; nothing here chooses a
report): only for those who may see reports at all, so a concept's year does not reach the
municipality. Everyone else gets a 403 with the reason."""

from wagtail.snippets.views.chooser import SnippetChooserViewSet

from advices.admin.views.base import refuse
from annual.lifecycle import view_refusal


def for_readers_only(view_class):
    class ReadersOnly(view_class):
        def dispatch(self, request, *args, **kwargs):
            reason = view_refusal(request.user)
            if reason:
                return refuse(request, reason)
            return super().dispatch(request, *args, **kwargs)

    ReadersOnly.__name__ = f"ReadersOnly{view_class.__name__}"
    return ReadersOnly


class ReportChooserViewSet(SnippetChooserViewSet):
    choose_view_class = for_readers_only(SnippetChooserViewSet.choose_view_class)
    choose_results_view_class = for_readers_only(SnippetChooserViewSet.choose_results_view_class)
    chosen_view_class = for_readers_only(SnippetChooserViewSet.chosen_view_class)
    chosen_multiple_view_class = for_readers_only(SnippetChooserViewSet.chosen_multiple_view_class)
    create_view_class = for_readers_only(SnippetChooserViewSet.create_view_class)
