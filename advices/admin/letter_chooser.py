"""The chooser of advice letters (the reply form's "brief" field): it offers, finds and
accepts only the letters the user may see (``visible_letters``), so a draft's reference and
subject never reach the municipality."""

from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

from advices.lifecycle.permissions import visible_letters


class VisibleLettersMixin:
    def get_object_list(self):
        return visible_letters(self.request.user, super().get_object_list())


class LetterChooseView(VisibleLettersMixin, ChooseView):
    pass


class LetterChooseResultsView(VisibleLettersMixin, ChooseResultsView):
    pass


class LetterChosenView(SnippetChosenView):
    def get_object(self, pk):
        return visible_letters(self.request.user, self.model_class.objects).get(pk=pk)


class LetterChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_letters(self.request.user, self.model_class.objects).filter(pk__in=pks)


class LetterChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LetterChooseView
    choose_results_view_class = LetterChooseResultsView
    chosen_view_class = LetterChosenView
    chosen_multiple_view_class = LetterChosenMultipleView
